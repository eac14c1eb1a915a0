package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer file through the real HTTP server: a customer who files a
 * complaint gets a responsible agent in turn, staff edit and tag them, read their whole history, move
 * them.
 */
class CustomerFileApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T01:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK)
            .with("SURVEY_DELAY_MINUTES", "0")
            .with("SCHEDULER_POLL_SECONDS", "1");
    private final AdminApi api = APP.api();

    /** A web visitor who files a delivery complaint; returns the complaint's JSON. */
    private JsonNode fileComplaint(String description) {
        new WebVisitor(APP.port()).openChat().fileComplaint("Delivery", description);
        return api.complaintDescribed(description);
    }

    private boolean hasOwner(long customerId) {
        return !api.get("/api/customers/" + customerId).get("owner").isNull();
    }

    private static List<String> reasons(JsonNode card) {
        List<String> reasons = new ArrayList<>();
        card.get("ownerChanges").forEach(change -> reasons.add(change.get("reason").asText()));
        return reasons;
    }

    @Test
    void theCustomerFileIsFoundEditedTaggedMovedAndReadWithItsHistory() throws Exception {
        long mia = api.addAgent("Mia");
        JsonNode complaint = fileComplaint("The courier left it in the rain.");
        long id = complaint.get("customerId").asLong();
        Await.until(() -> hasOwner(id));
        JsonNode card = api.get("/api/customers/" + id);
        assertThat(reasons(card)).containsExactly("first_complaint");
        long owner = card.get("owner").get("id").asLong();

        JsonNode edited = ok(api.call("PATCH", "/api/customers/" + id, """
                {"displayName": "Mina Park", "phone": "+63 917 555 0101", "birthday": "1990-03-14",
                 "occupation": "Florist", "painPoints": "Late deliveries before weddings", "tier": "high",
                 "tone": "friendly", "timeZone": "Asia/Manila"}
                """));
        assertThat(edited.get("displayName").asText()).isEqualTo("Mina Park");
        assertThat(edited.get("birthday").asText()).isEqualTo("1990-03-14");
        assertThat(edited.get("tier").asText()).isEqualTo("high");
        assertThat(edited.get("responsibleStaffId").asLong()).as("not changed by an edit").isEqualTo(owner);
        ok(api.call("POST", "/api/customers/" + id + "/tags", "{\"tag\": \"Wedding Florist\"}"));

        assertThat(api.get("/api/customers?name=mina%20p").get("items")).extracting(item -> item.get("id").asLong())
                .containsExactly(id);
        assertThat(api.get("/api/customers?phone=9175550101").get("items")).extracting(item -> item.get("id").asLong())
                .containsExactly(id);
        assertThat(api.get("/api/customers?tag=wedding-florist&tier=high&owner=" + owner).get("items"))
                .extracting(item -> item.get("id").asLong()).containsExactly(id);
        assertThat(api.get("/api/customers?tag=wedding-florist&tier=low").get("items")).isEmpty();

        JsonNode history = api.get("/api/customers/" + id + "/history");
        assertThat(history.get("complaints")).extracting(item -> item.get("reference").asText())
                .containsExactly(complaint.get("reference").asText());
        assertThat(history.get("messages")).extracting(item -> item.get("text").asText())
                .contains("The courier left it in the rain.");
        assertThat(history.get("greetings")).isEmpty();
        assertThat(history.get("scores")).isEmpty();

        long other = owner == mia ? api.addAgent("Noel") : mia;
        JsonNode moved = ok(api.call("POST", "/api/customers/" + id + "/reassign", "{\"toStaffId\": " + other + "}"));
        assertThat(moved.get("owners").get(0).get("staffId").asLong()).isEqualTo(other);
        ok(api.call("POST", "/api/staff/" + other + "/leave", ""));
        JsonNode after = api.get("/api/customers/" + id);
        assertThat(reasons(after)).containsExactly("first_complaint", "reassigned", "staff_left");
        assertThat(after.get("owner").get("id").asLong()).isNotEqualTo(other);
        assertThat(after.get("owner").get("active").asBoolean()).isTrue();
        ok(api.call("DELETE", "/api/customers/" + id + "/tags/wedding-florist", ""));
        assertThat(api.get("/api/customers/" + id).get("customer").get("tags")).isEmpty();
    }

    @Test
    void badCustomerRequestsAreJsonErrorsNamingTheField() throws Exception {
        JsonNode complaint = fileComplaint("The vase arrived in the wrong colour: blue instead of the green I ordered.");
        long id = complaint.get("customerId").asLong();

        assertError(api.call("PATCH", "/api/customers/" + id, "{\"birthday\": \"13-40\"}"), 400, "birthday");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"email\": \"not-an-address\"}"), 400, "email");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"tone\": \"cheerful\"}"), 400, "tone: must be formal or "
                + "friendly");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"responsibleStaffId\": 3}"), 400,
                "responsibleStaffId: unknown field");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"timeZone\": \"Mars/Olympus\"}"), 400, "timeZone");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"language\": \"xx\"}"), 400,
                "language: must be one of en, ko, tl (the languages the bot speaks)");
        assertError(api.call("PATCH", "/api/customers/" + id, "{\"introducerId\": 987654}"), 400,
                "introducerId: no customer 987654");
        assertError(api.call("POST", "/api/customers/" + id + "/tags", "{\"tag\": \"no way!\"}"), 400, "tag: ");
        assertError(api.call("POST", "/api/customers/" + id + "/reassign", "{}"), 400, "toStaffId: is required");
        assertError(api.call("POST", "/api/customers/" + id + "/reassign", "{\"toStaffId\": 987654}"), 400,
                "no active staff member 987654");
        assertError(api.call("GET", "/api/customers/987654", ""), 404, "no customer 987654");
        assertError(api.call("GET", "/api/customers/987654/history", ""), 404, "no customer 987654");
        assertError(api.call("GET", "/api/customers?tier=gold", ""), 400, "tier: must be high, medium or low");
        assertError(api.call("GET", "/api/customers?owner=me", ""), 400, "owner: must be a whole number");
        assertError(api.call("GET", "/api/customers?limit=0", ""), 400, "limit");
        assertError(api.call("POST", "/api/staff/987654/leave", ""), 404, "no staff member 987654");
        assertThat(api.get("/api/customers/" + id).get("customer").get("displayName").isNull()).isFalse();
    }
}
