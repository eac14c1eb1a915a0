package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeping in touch over the real HTTP server (a business that flags 2 complaints of a category within an hour
 * as a cluster): a purchase recorded through the API brings a check-in to the customer's web chat three days
 * later, and the answer is in their history; an account review recorded and the due list; a cluster of
 * complaints in the known-issues report.
 */
class KeepInTouchApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    private static RetainBot bot;
    private static AdminApi api;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("SCHEDULER_POLL_SECONDS", "1");
        Path business = Files.createTempFile("retainbot-business", ".yml");
        Files.writeString(business, "clusters: { complaints: 2, within: 1h }\n"
                + "stages:\n  owners:\n    contract: { role: supervisor }\n");
        business.toFile().deleteOnExit();
        env.put("BUSINESS_CONFIG", business.toString());
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
        Await.until(() -> api.get("/api/customers/" + id + "/history").get("stageChanges").size() == 1);
        assertThat(api.get("/api/customers/" + id + "/history").get("stageChanges").get(0).get("cause").asText())
                .isEqualTo("purchase");
    }

    @Test
    void aReviewIsRecordedThroughTheApiAndTheDueListNamesWhoIsDueNearestFirst() {
        long staffId = api.addAgent("Joon");
        long mina = bot.transactor().inTransaction(session -> {
            long id = session.customers().create(CustomerProfile.named("Mina", "en"),
                    Instant.parse("2026-01-05T08:00:00Z")).id();
            session.customers().update(id, CustomerProfile.named("Mina", "en").toBuilder().responsibleStaffId(staffId)
                    .tier(OpportunityTier.HIGH).build(), CLOCK.instant());
            return id;
        });

        JsonNode due = api.get("/api/reviews/due?owner=" + staffId);
        assertThat(due.get("intervalMonths").get("high").asInt()).isEqualTo(3);
        assertThat(due.get("items")).hasSize(1);
        assertThat(due.get("items").get(0).get("customerId").asLong()).isEqualTo(mina);
        assertThat(due.get("items").get(0).get("dueOn").asText()).isEqualTo("2026-04-05");
        assertThat(due.get("items").get(0).get("tier").asText()).isEqualTo("high");
        assertThat(due.get("items").get(0).get("suggestedTier").asText()).isEqualTo("low");

        ok(api.call("POST", "/api/customers/" + mina + "/reviews", "{\"outcome\": \"opportunity\", "
                + "\"notes\": \"Wants a second kettle\", \"nextStep\": \"Offer in January\", \"staffId\": " + staffId
                + "}"), 201);
        assertThat(api.get("/api/reviews/due?owner=" + staffId).get("items")).isEmpty();
        JsonNode reviews = api.get("/api/customers/" + mina + "/reviews").get("items");
        assertThat(reviews.get(0).get("outcome").asText()).isEqualTo("opportunity");
        assertThat(reviews.get(0).get("nextStep").asText()).isEqualTo("Offer in January");
        assertThat(api.get("/api/customers/" + mina + "/history").get("reviews")).hasSize(1);

        assertError(api.call("POST", "/api/customers/" + mina + "/reviews", "{}"), 400, "outcome");
        assertError(api.call("POST", "/api/customers/" + mina + "/reviews", "{\"outcome\": \"splendid\"}"), 400,
                "outcome");
        assertError(api.call("POST", "/api/customers/" + mina + "/reviews",
                "{\"outcome\": \"good\", \"staffId\": 98765}"), 400, "staffId");
        assertError(api.call("POST", "/api/customers/987654/reviews", "{\"outcome\": \"good\"}"), 404, "no customer");
        assertError(api.call("GET", "/api/reviews/due?owner=abc", null), 400, "owner");
        assertError(api.call("GET", "/api/reviews/due?until=soon", null), 400, "until");
    }

    @Test
    void aStageThatSupervisorsLookAfterGivesTheCustomerToOneAndTheApiShowsWho() {
        long agent = api.addAgent("Dana");
        long supervisor = ok(api.call("POST", "/api/staff", "{\"name\": \"Mara\", \"role\": \"supervisor\"}"), 201)
                .get("id").asLong();
        long customer = bot.transactor().inTransaction(session -> session.customers()
                .create(CustomerProfile.named("Rosa", "en"), CLOCK.instant()).id());
        ok(api.call("POST", "/api/customers/" + customer + "/reassign", "{\"toStaffId\": " + agent + "}"));

        JsonNode negotiating = ok(api.call("PUT", "/api/customers/" + customer + "/stage",
                "{\"stage\": \"negotiation\", \"staffId\": " + agent + "}"));
        assertThat(negotiating.get("owner").get("name").asText()).isEqualTo("Dana");
        JsonNode contracted = ok(api.call("PUT", "/api/customers/" + customer + "/stage",
                "{\"stage\": \"contract\", \"staffId\": " + agent + "}"));
        assertThat(contracted.get("owner").get("id").asLong()).isEqualTo(supervisor);
        assertThat(contracted.get("owner").get("name").asText()).isEqualTo("Mara");
        assertThat(api.get("/api/customers/" + customer + "/stage").get("owner").get("name").asText()).isEqualTo("Mara");
        JsonNode ownerChanges = api.get("/api/customers/" + customer).get("ownerChanges");
        JsonNode last = ownerChanges.get(ownerChanges.size() - 1);
        assertThat(last.get("reason").asText()).isEqualTo("stage");
        assertThat(last.get("changedByStaffId").asLong()).isEqualTo(agent);
        assertThat(api.get("/api/stages").get("owners").get("contract").get("role").asText()).isEqualTo("supervisor");
    }

    @Test
    void complaintsPilingUpInOneCategoryAreListedAsAClusterInTheKnownIssuesReport() {
        new WebVisitor(bot.httpPort()).openChat().fileComplaint("Billing", "Charged twice for cluster-qx-1.");
        assertThat(api.get("/api/reports/known-issues?from=2026-11-01&to=2026-12-31").get("clusters")).isEmpty();
        new WebVisitor(bot.httpPort()).openChat().fileComplaint("Billing", "Charged twice for cluster-qx-2.");
        Await.until(() -> api.get("/api/reports/known-issues?from=2026-11-01&to=2026-12-31").get("clusters").size() == 1);
        JsonNode cluster = api.get("/api/reports/known-issues?from=2026-11-01&to=2026-12-31").get("clusters").get(0);
        assertThat(cluster.get("category").asText()).isEqualTo("billing");
        assertThat(cluster.get("complaints").asInt()).isEqualTo(2);
    }
}
