package io.retainbot.app.console;

import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.http.AdminApi;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer file's form in the console over plain HTTP: "(none)" for the stage or the owner clears it. */
class ConsoleCustomerFileIT {
    private static ConsoleShop shop;
    private static AdminApi api;

    @BeforeAll
    static void start() {
        shop = ConsoleShop.start();
        api = new AdminApi(shop.port());
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void noneForTheStageAndTheOwnerClearsBothAndRecordsWhoDid() {
        ok(api.call("POST", "/api/customers/import", "text/csv", "display_name,language\nHana Cho,ko\n"));
        long customer = api.get("/api/customers?name=Hana%20Cho").get("items").get(0).get("id").asLong();
        long joon = api.addAgent("Joon");
        ok(api.call("PUT", "/api/customers/" + customer + "/stage", "{\"stage\": \"negotiation\"}"));
        ok(api.call("POST", "/api/customers/" + customer + "/reassign", "{\"toStaffId\": " + joon + "}"));

        HttpResponse<String> saved = shop.admin().submit("/console/customers/" + customer,
                "/console/customers/" + customer + "/edit", form("", ""));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        JsonNode stage = api.get("/api/customers/" + customer + "/stage");
        assertThat(stage.get("stage").isNull()).as(stage.toString()).isTrue();
        assertThat(stage.get("owner").isNull()).as(stage.toString()).isTrue();
        JsonNode last = stage.get("history").get(stage.get("history").size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("negotiation");
        assertThat(last.get("to").isNull()).isTrue();
        assertThat(last.get("cause").asText()).isEqualTo("staff");

        HttpResponse<String> again = shop.admin().submit("/console/customers/" + customer,
                "/console/customers/" + customer + "/edit", form("contract", String.valueOf(joon)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        JsonNode set = api.get("/api/customers/" + customer + "/stage");
        assertThat(set.get("stage").asText()).isEqualTo("contract");
        assertThat(set.get("owner").get("id").asLong()).isEqualTo(joon);
    }

    private static Map<String, String> form(String stage, String owner) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", "Hana Cho");
        fields.put("language", "ko");
        fields.put("tone", "formal");
        fields.put("stage", stage);
        fields.put("owner", owner);
        return fields;
    }
}
