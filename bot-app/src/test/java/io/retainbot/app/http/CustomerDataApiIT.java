package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.RetainBot;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer's own data over the real HTTP server: a web chat customer's export holds their complaint and
 * messages; /mydata answers in the chat; an erasure by staff needs a reason and leaves the export empty of
 * them; /forget in the web chat erases after the confirmation.
 */
class CustomerDataApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK);
    private final RetainBot bot = APP.bot();
    private final AdminApi api = APP.api();

    /** A web chat customer who filed a complaint; returns their customer id. */
    private long customerWithComplaint(WebVisitor visitor, String description) {
        visitor.fileComplaint("Delivery", description);
        return bot.transactor().inTransaction(session -> session.complaints().list(java.util.Optional.empty(), 100, 0).stream()
                .filter(complaint -> complaint.description().equals(description))
                .findFirst().orElseThrow().customerId());
    }

    @Test
    void exportsEverythingAboutACustomerAndErasesItWithAReason() {
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        long id = customerWithComplaint(visitor, "The export-marker-4411 parcel never came.");
        visitor.say("/mydata");
        visitor.awaitText("Complaints: 1 (1 open)");

        HttpResponse<String> export = api.call("GET", "/api/customers/" + id + "/export", null);
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode tables = json(export).get("tables");
        assertThat(tables.get("customer").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(tables.get("complaint").get(0).get("description").asText())
                .isEqualTo("The export-marker-4411 parcel never came.");
        assertThat(tables.get("channel_identity").get(0).get("platform").asText()).isEqualTo(Platform.WEB.code());
        assertThat(tables.get("interaction").size()).isGreaterThan(3);

        assertError(api.call("POST", "/api/customers/" + id + "/erase", "{}"), 400, "reason");
        assertError(api.call("POST", "/api/customers/" + id + "/erase", "{\"reason\": \"asked\", \"staffId\": 98765}"),
                400, "staffId");
        assertError(api.call("POST", "/api/customers/987654/erase", "{\"reason\": \"asked\"}"), 404, "no customer");
        assertError(api.call("GET", "/api/customers/abc/export", null), 400, "id");
        assertError(api.call("GET", "/api/customers/987654/export", null), 404, "no customer");

        HttpResponse<String> erased = api.call("POST", "/api/customers/" + id + "/erase",
                "{\"reason\": \"asked by e-mail on 2026-11-22\"}");
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(json(erased).get("changed").get("channel_identity").asInt()).isEqualTo(1);

        JsonNode after = json(api.call("GET", "/api/customers/" + id + "/export", null)).get("tables");
        assertThat(after.get("complaint").get(0).get("description").asText()).isEmpty();
        assertThat(after.get("complaint").get(0).get("category").asText()).isEqualTo("delivery");
        assertThat(after.get("channel_identity")).isEmpty();
        assertThat(after.get("customer").get(0).get("erased_at").isNull()).isFalse();
        assertThat(after.get("customer_erasure").get(0).get("reason").asText())
                .isEqualTo("asked by e-mail on 2026-11-22");
        assertThat(after.toString()).doesNotContain("export-marker-4411");
    }

    @Test
    void forgetInTheWebChatErasesAfterTheConfirmation() {
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        long id = customerWithComplaint(visitor, "The forget-marker-5522 lamp flickers.");
        visitor.say("/forget");
        visitor.awaitText("Shall I erase your data?");
        visitor.press("Yes, erase my data");
        visitor.awaitText("Your data is being erased now.");
        Await.until(() -> bot.transactor().inTransaction(session -> session.personalData().erasedAt(id)).isPresent());
        JsonNode after = json(api.call("GET", "/api/customers/" + id + "/export", null)).get("tables");
        assertThat(after.toString()).doesNotContain("forget-marker-5522");
        assertThat(after.get("customer_erasure").get(0).get("requested_by").asText()).isEqualTo("customer");
    }

    private static void assertError(HttpResponse<String> response, int status, String part) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(part);
    }
}
