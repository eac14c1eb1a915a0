package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.json;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeping in touch after the sale, the way a shop meets it on the application's own HTTP server: a purchase
 * recorded through the API brings a check-in to the customer's web chat three days later, the answer lands on
 * the customer file, the owner finds the customer in the review list, a known issue is offered to a matching
 * new complaint, and {@code /forget} erases the customer.
 */
class KeepInTouchDoneWhenIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK).with("SCHEDULER_POLL_SECONDS", "1");
    private final RetainBot bot = APP.bot();
    private final AdminApi api = APP.api();

    @Test
    void aPurchaseBringsACheckInTheOwnerSeesTheReviewAKnownIssueIsOfferedAndForgetErasesTheCustomer() {
        long joon = api.addAgent("Joon");
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        visitor.say("/start");
        visitor.press("No, thank you");
        visitor.awaitText("Understood: no greetings or offers.");
        long mina = bot.transactor().inTransaction(session -> {
            var customers = session.customerPages().after(0, 1000);
            return customers.get(customers.size() - 1).customer().id();
        });
        ok(api.call("PATCH", "/api/customers/" + mina, "{\"displayName\": \"Mina Kang\", \"tier\": \"high\"}"));
        ok(api.call("POST", "/api/customers/" + mina + "/reassign", "{\"toStaffId\": " + joon + "}"));

        ok(api.call("POST", "/api/customers/" + mina + "/purchases",
                "{\"product\": \"Kettle K2\", \"purchasedOn\": \"2026-11-23\", \"orderReference\": \"SO-7781\"}"), 201);
        // a reaction to the purchase plans its check-ins a moment later, days ahead of them as in real life;
        // moving the clock past them before that would have them planned already due, which no shop sees
        Await.until(() -> api.get("/api/customers/" + mina + "/history").get("checkIns").size() > 0,
                Duration.ofSeconds(30), () -> AppTesting.unfinishedWork(APP.environment()));
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        visitor.awaitText("A few days ago you bought Kettle K2. Has everything arrived");
        visitor.press("All good");
        visitor.awaitText("Thank you, we are glad to hear it.");
        JsonNode file = api.get("/api/customers/" + mina + "/history");
        assertThat(file.get("checkIns")).anySatisfy(checkIn -> {
            assertThat(checkIn.get("cadence").asText()).isEqualTo("purchase-3d");
            assertThat(checkIn.get("answer").asText()).isEqualTo("all_good");
        });
        assertThat(file.get("stageChanges").get(0).get("cause").asText()).isEqualTo("purchase");

        JsonNode due = api.get("/api/reviews/due?owner=" + joon + "&until=2027-03-01").get("items");
        assertThat(due).singleElement().satisfies(review -> {
            assertThat(review.get("customerId").asLong()).isEqualTo(mina);
            assertThat(review.get("tier").asText()).isEqualTo("high");
            assertThat(review.get("dueOn").asText()).isEqualTo("2027-02-23");
        });

        ok(api.call("POST", "/api/known-issues", """
                {"title": "Kettle K2 does not switch off", "symptoms": ["keeps boiling"], "categories": ["product"],
                 "fixes": {"en": "Hold the lid button for five seconds."}}
                """), 201);
        visitor.press("File a complaint");
        visitor.press("Product");
        visitor.awaitText("Please describe what happened");
        visitor.say("My new kettle keeps boiling until I pull the plug.");
        visitor.press("Skip");
        visitor.press("Continue without");
        visitor.press("Send complaint");
        visitor.awaitText("This is a known issue, and this usually solves it:\n\nHold the lid button for five seconds.");
        visitor.press("Yes, that helped");
        assertThat(api.get("/api/customers/" + mina + "/history").get("complaints")).hasSize(1);

        visitor.say("/forget");
        visitor.awaitText("Shall I erase your data?");
        visitor.press("Yes, erase my data");
        visitor.awaitText("Your data is being erased now.");
        Await.until(() -> bot.transactor().inTransaction(session -> session.personalData().erasedAt(mina)).isPresent());
        String left = json(api.call("GET", "/api/customers/" + mina + "/export", null)).get("tables").toString();
        assertThat(left).doesNotContain("Mina Kang", "keeps boiling until", "SO-7781");
        assertThat(api.get("/api/reviews/due?owner=" + joon + "&until=2027-03-01").get("items")).isEmpty();
    }
}
