package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service report through the real HTTP server: a complaint filed in the web chat, answered two hours
 * later, resolved an hour after that and rated in the survey shows in {@code /api/reports/service}.
 */
class ServiceReportApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T01:20:00Z");
    private static RetainBot bot;

    @BeforeAll
    static void start() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("SURVEY_DELAY_MINUTES", "0");
        env.put("SCHEDULER_POLL_SECONDS", "1");
        bot = RetainBot.start(AppConfig.fromEnvironment(env), CLOCK, token -> { });
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        return new WebVisitor(bot.httpPort()).request(method, path, "application/json",
                body.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + AppTesting.ADMIN_TOKEN);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path) throws Exception {
        return ok(call("GET", path, ""));
    }

    private static void assertError(HttpResponse<String> response, int status, String part) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(part);
    }

    private static long agent(String name) throws Exception {
        HttpResponse<String> added = call("POST", "/api/staff", "{\"name\": \"" + name + "\", \"role\": \"agent\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).get("id").asLong();
    }

    /** A web visitor who files a delivery complaint; returns the complaint's JSON. */
    private static JsonNode fileComplaint(WebVisitor visitor, String description) throws Exception {
        visitor.say("/start");
        visitor.press("No, thank you");
        visitor.press("File a complaint");
        visitor.press("Delivery");
        visitor.awaitText("Please describe what happened");
        visitor.say(description);
        visitor.press("Skip");
        visitor.press("Continue without");
        visitor.press("Send complaint");
        visitor.awaitText("registered under reference");
        for (JsonNode complaint : get("/api/complaints?limit=500").get("items")) {
            if (complaint.get("description").asText().equals(description)) {
                return complaint;
            }
        }
        throw new AssertionError("no complaint " + description);
    }



    @Test
    void theServiceReportShowsTimesPromisesAndScores() throws Exception {
        CLOCK.advance(Duration.ofDays(2));
        Instant from = CLOCK.instant();
        agent("Ona");
        WebVisitor visitor = new WebVisitor(bot.httpPort()).openChat();
        JsonNode complaint = fileComplaint(visitor, "Two plates arrived broken.");
        String reference = complaint.get("reference").asText();

        CLOCK.advance(Duration.ofHours(2));
        ok(call("POST", "/api/complaints/" + reference + "/reply", "{\"text\": \"New plates go out today.\"}"));
        visitor.awaitText("New plates go out today.");
        CLOCK.advance(Duration.ofHours(1));
        ok(call("POST", "/api/complaints/" + reference + "/resolve", ""));
        visitor.awaitText("How satisfied are you");
        visitor.press("4");
        visitor.awaitText("how easy was it");
        visitor.press("2");
        visitor.awaitText("anything you would like to add");
        visitor.say("The courier was kind.");
        visitor.awaitText("Thank you for your answer.");

        JsonNode report = get("/api/reports/service?from=" + from + "&to=" + CLOCK.instant().plusSeconds(60));
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
        JsonNode history = get("/api/customers/" + complaint.get("customerId").asLong() + "/history");
        assertThat(history.get("scores")).extracting(score -> score.get("question").asText() + "=" + score.get("score"))
                .containsExactlyInAnyOrder("satisfaction=4", "effort=2");

        assertError(call("GET", "/api/reports/service?from=yesterday", ""), 400, "from: ");
        assertError(call("GET", "/api/reports/service?from=2026-12-01&to=2026-11-01", ""), 400,
                "from: must be before to");
        assertError(call("GET", "/api/reports/service?from=2020-01-01&to=2026-11-01", ""), 400, "at most");
    }
}
