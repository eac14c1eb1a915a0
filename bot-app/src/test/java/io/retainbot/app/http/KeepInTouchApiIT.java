package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeping in touch over the real HTTP server on the default business: a purchase recorded through the API
 * brings a check-in to the customer's web chat three days later, and the answer is in their history.
 */
class KeepInTouchApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    private static RetainBot bot;
    private static AdminApi api;

    @BeforeAll
    static void start() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("SCHEDULER_POLL_SECONDS", "1");
        bot = RetainBot.start(AppConfig.fromEnvironment(env), CLOCK, token -> { });
        api = new AdminApi(bot.httpPort());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    /** A web chat customer who said hello and declined greetings; their customer id. */
    private static long webCustomer(WebVisitor visitor) {
        visitor.say("/start");
        visitor.press("No, thank you");
        visitor.awaitText("Understood: no greetings or offers.");
        return bot.transactor().inTransaction(session -> {
            var customers = session.customerPages().after(0, 1000);
            return customers.get(customers.size() - 1).customer().id();
        });
    }

    @Test
    void listsTheDefaultCadences() {
        JsonNode cadences = api.get("/api/checkins/cadences").get("items");
        assertThat(cadences).hasSize(3);
        assertThat(cadences.get(0).get("name").asText()).isEqualTo("purchase-3d");
        assertThat(cadences.get(0).get("after").asText()).isEqualTo("purchase");
        assertThat(cadences.get(0).get("days").asInt()).isEqualTo(3);
        assertThat(cadences.get(2).get("after").asText()).isEqualTo("resolved-complaint");
    }

    @Test
    void aPurchaseThroughTheApiBringsACheckInThreeDaysLaterAndTheAnswerIsInTheHistory() {
        WebVisitor visitor = new WebVisitor(bot.httpPort()).openChat();
        long id = webCustomer(visitor);
        ok(api.call("POST", "/api/customers/" + id + "/purchases",
                "{\"product\": \"Kettle K2\", \"purchasedOn\": \"2026-11-23\"}"), 201);
        Await.until(() -> api.get("/api/customers/" + id + "/history").get("checkIns").size() == 2);

        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        visitor.awaitText("A few days ago you bought Kettle K2. Has everything arrived");
        visitor.press("All good");
        visitor.awaitText("Thank you, we are glad to hear it.");

        JsonNode checkIns = api.get("/api/customers/" + id + "/history").get("checkIns");
        JsonNode answered = checkIns.get(1);
        assertThat(answered.get("cadence").asText()).isEqualTo("purchase-3d");
        assertThat(answered.get("status").asText()).isEqualTo("answered");
        assertThat(answered.get("answer").asText()).isEqualTo("all_good");
        assertThat(checkIns.get(0).get("status").asText()).isEqualTo("planned");
        assertThat(api.get("/api/customers/" + id + "/export").get("tables").get("check_in")).hasSize(2);
    }
}
