package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.AppTesting;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service report through the real HTTP server: a complaint filed in the web chat, answered two hours
 * later, resolved an hour after that and rated in the survey shows in {@code /api/reports/service}, in its
 * category's report and not in another's, in its week among weeks without complaints.
 */
class ServiceReportApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T01:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK)
            .with("SURVEY_DELAY_MINUTES", "0")
            .with("SCHEDULER_POLL_SECONDS", "1");
    private final AdminApi api = APP.api();

    @Test
    void theServiceReportShowsTimesPromisesAndScores() throws Exception {
        CLOCK.advance(Duration.ofDays(2));
        Instant from = CLOCK.instant();
        api.addAgent("Ona");
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        visitor.fileComplaint("Delivery", "Two plates arrived broken.");
        JsonNode complaint = api.complaintDescribed("Two plates arrived broken.");
        String reference = complaint.get("reference").asText();

        CLOCK.advance(Duration.ofHours(2));
        ok(api.call("POST", "/api/complaints/" + reference + "/reply", "{\"text\": \"New plates go out today.\"}"));
        visitor.awaitText("New plates go out today.");
        CLOCK.advance(Duration.ofHours(1));
        ok(api.call("POST", "/api/complaints/" + reference + "/resolve", ""));
        visitor.awaitText("How satisfied are you", () -> AppTesting.unfinishedWork(APP.environment()));
        visitor.press("4");
        visitor.awaitText("how easy was it");
        visitor.press("2");
        visitor.awaitText("anything you would like to add");
        visitor.say("The courier was kind.");
        visitor.awaitText("Thank you for your answer.");

        JsonNode report = api.get("/api/reports/service?from=" + from + "&to=" + CLOCK.instant().plusSeconds(60));
        JsonNode overall = report.get("overall");
        assertThat(overall.get("complaints").asLong()).isEqualTo(1);
        assertThat(overall.get("resolved").asLong()).isEqualTo(1);
        assertThat(overall.get("firstResponse").get("medianSeconds").asLong()).isEqualTo(7200);
        assertThat(overall.get("firstResponse").get("p90Seconds").asLong()).isEqualTo(7200);
        assertThat(overall.get("resolution").get("medianSeconds").asLong()).isEqualTo(10800);
        assertThat(overall.get("promises").get("kept").asLong()).isEqualTo(1);
        assertThat(overall.get("promises").get("keptShare").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("satisfaction").get("average").asDouble()).isEqualTo(4.0);
        assertThat(overall.get("effort").get("average").asDouble()).isEqualTo(2.0);
        assertThat(report.get("topCategories").get(0).get("category").asText()).isEqualTo("delivery");
        assertThat(report.get("topCategories").get(0).get("label").asText()).isEqualTo("Delivery");
        assertThat(report.get("byCategory")).hasSize(1);
        assertThat(report.get("byWeek")).singleElement().satisfies(week ->
                assertThat(week.get("week").asText()).isEqualTo("2026-11-23"));
        JsonNode history = api.get("/api/customers/" + complaint.get("customerId").asLong() + "/history");
        assertThat(history.get("scores")).extracting(score -> score.get("question").asText() + "=" + score.get("score"))
                .containsExactlyInAnyOrder("satisfaction=4", "effort=2");

        // one category's report; every week of a longer period, also those without complaints
        String period = "?from=" + from + "&to=" + CLOCK.instant().plusSeconds(60);
        JsonNode delivery = api.get("/api/reports/service" + period + "&category=delivery");
        assertThat(delivery.get("category").asText()).isEqualTo("delivery");
        assertThat(delivery.get("overall").get("complaints").asLong()).isEqualTo(1);
        JsonNode product = api.get("/api/reports/service" + period + "&category=product");
        assertThat(product.get("overall").get("complaints").asLong()).isZero();
        assertThat(product.get("byCategory")).isEmpty();
        assertThat(product.get("byWeek")).singleElement().satisfies(week -> {
            assertThat(week.get("complaints").asLong()).isZero();
            assertThat(week.get("firstResponse").get("medianSeconds").isNull()).isTrue();
        });
        JsonNode weeks = api.get("/api/reports/service?from=2026-11-09&to=" + CLOCK.instant().plusSeconds(60));
        assertThat(weeks.get("byWeek")).extracting(week -> week.get("week").asText() + "=" + week.get("complaints"))
                .containsExactly("2026-11-09=0", "2026-11-16=0", "2026-11-23=1");
        JsonNode outreach = api.get("/api/reports/outreach?from=2026-11-09&to=2026-11-30");
        assertThat(outreach.get("byWeek")).extracting(week -> week.get("week").asText() + "=" + week.get("sent"))
                .containsExactly("2026-11-09=0", "2026-11-16=0", "2026-11-23=0");
        assertError(api.call("GET", "/api/reports/service?category=nonsense", ""), 400, "category: unknown category");
        assertError(api.call("GET", "/api/reports/outreach?from=2026-12-01&to=2026-11-01", ""), 400,
                "from: must be before to");
        assertError(api.call("GET", "/api/reports/service?from=yesterday", ""), 400, "from: ");
        assertError(api.call("GET", "/api/reports/service?from=2026-12-01&to=2026-11-01", ""), 400,
                "from: must be before to");
        assertError(api.call("GET", "/api/reports/service?from=2020-01-01&to=2026-11-01", ""), 400, "at most");
    }
}
