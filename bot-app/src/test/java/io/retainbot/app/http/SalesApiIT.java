package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.RetainBot;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Purchases and stages over the real HTTP server: recorded, imported, and moving the customer to after-sales. */
class SalesApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK);
    private final RetainBot bot = APP.bot();
    private final AdminApi api = APP.api();

    private long customer(String name) {
        return bot.transactor().inTransaction(session -> session.customers()
                .create(CustomerProfile.named(name, "en"), CLOCK.instant()).id());
    }

    @Test
    void aPurchaseThroughTheApiIsListedAndMovesTheCustomerToAfterSales() {
        long id = customer("Mina");
        assertThat(json(api.call("GET", "/api/stages", null)).get("afterSales").asText()).isEqualTo("after-sales");
        HttpResponse<String> staged = api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"negotiation\"}");
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(200);

        HttpResponse<String> created = api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"Kettle K2\", \"purchasedOn\": \"2026-11-20\", \"orderReference\": \"ORD-9\", "
                        + "\"amount\": 39.90, \"currency\": \"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("amount").decimalValue()).isEqualByComparingTo("39.90");
        assertThat(api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"Kettle K2\", \"purchasedOn\": \"2026-11-20\", \"orderReference\": \"ORD-9\"}")
                .statusCode()).isEqualTo(409);
        assertThat(json(api.call("GET", "/api/customers/" + id + "/purchases", null)).get("items")).hasSize(1);

        Await.until(() -> "after-sales".equals(json(api.call("GET", "/api/customers/" + id + "/stage", null))
                .get("stage").asText()));
        JsonNode history = json(api.call("GET", "/api/customers/" + id + "/stage", null)).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("from").asText()).isEqualTo("negotiation");
        assertThat(history.get(1).get("cause").asText()).isEqualTo("purchase");
    }

    @Test
    void aStageIsClearedWithNullOrAnEmptyStageAndTheClearingIsRecorded() {
        long id = customer("Dana");
        api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"negotiation\"}");

        HttpResponse<String> clearedWithNull = api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": null}");
        api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"contract\"}");
        HttpResponse<String> clearedWithEmpty = api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"\"}");

        assertThat(clearedWithNull.statusCode()).as(clearedWithNull.body()).isEqualTo(200);
        assertThat(json(clearedWithNull).get("stage").isNull()).isTrue();
        assertThat(clearedWithEmpty.statusCode()).as(clearedWithEmpty.body()).isEqualTo(200);
        JsonNode stage = json(api.call("GET", "/api/customers/" + id + "/stage", null));
        assertThat(stage.get("stage").isNull()).isTrue();
        assertThat(stage.get("history")).extracting(change -> change.get("from").asText() + " -> "
                + change.get("to").asText())
                .containsExactly("null -> negotiation", "negotiation -> null", "null -> contract", "contract -> null");
        AdminApi.assertError(api.call("PUT", "/api/customers/" + id + "/stage", "{\"staffId\": 1}"), 400,
                "stage: is required (null or \"\" clears the stage)");
    }

    @Test
    void importsPurchasesFromCsv() {
        long id = customer("Jon");
        HttpResponse<String> imported = api.call("POST", "/api/purchases/import", "text/csv",
                "customer_id,product,purchased_on,order_reference\n" + id + ",Blender,2026-10-01,ORD-1\n"
                        + id + ",Blender,yesterday,ORD-2\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).get("created").asInt()).isEqualTo(1);
        assertThat(json(imported).get("rejected").get(0).get("field").asText()).isEqualTo("purchased_on");
        AdminApi.assertError(api.call("POST", "/api/purchases/import", "text/csv", "who,what\n1,2\n"), 400, "unknown column");
        AdminApi.assertError(api.call("POST", "/api/purchases/import", "{}"), 415, "text/csv");
    }

    @Test
    void refusesBadInputWithTheFieldNamed() {
        long id = customer("Ana");
        AdminApi.assertError(api.call("POST", "/api/customers/" + id + "/purchases", "{\"purchasedOn\": \"2026-11-20\"}"), 400,
                "product");
        AdminApi.assertError(api.call("POST", "/api/customers/" + id + "/purchases", "{\"product\": \"x\"}"), 400, "purchasedOn");
        AdminApi.assertError(api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"x\", \"purchasedOn\": \"20 Nov\"}"), 400, "purchasedOn");
        AdminApi.assertError(api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"x\", \"purchasedOn\": \"2026-11-20\", \"amount\": 5}"), 400, "currency");
        AdminApi.assertError(api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"x\", \"purchasedOn\": \"2026-11-20\", \"amount\": \"five\", \"currency\": \"USD\"}"),
                400, "amount");
        AdminApi.assertError(api.call("POST", "/api/customers/987654/purchases",
                "{\"product\": \"x\", \"purchasedOn\": \"2026-11-20\"}"), 404, "no customer");
        AdminApi.assertError(api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"sold\"}"), 400, "stage");
        AdminApi.assertError(api.call("PUT", "/api/customers/" + id + "/stage", "{\"stage\": \"contract\", \"staffId\": 98765}"), 400,
                "staffId");
        AdminApi.assertError(api.call("GET", "/api/customers/987654/stage", null), 404, "no customer");
    }
}
