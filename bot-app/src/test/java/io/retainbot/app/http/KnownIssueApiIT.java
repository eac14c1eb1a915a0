package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Known issues through the REST API, end to end: an issue recorded through the API is offered to a
 * matching complaint filed in the web chat, the customer's answer is counted per issue, and refusals
 * are JSON errors naming the field.
 */
class KnownIssueApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK);
    private final AdminApi api = APP.api();
    private static final String KETTLE = """
            {"title": "Kettle K2 does not switch off",
             "symptoms": ["does not switch off", "keeps boiling"],
             "categories": ["product"],
             "fixes": {"en": "Hold the lid button for five seconds.", "ko": "뚜껑 버튼을 5초 동안 눌러 주세요."}}
            """;

    @Test
    void anIssueRecordedThroughTheApiIsOfferedInTheWebChatAndCounted() throws Exception {
        HttpResponse<String> created = api.call("POST", "/api/known-issues", KETTLE);
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(created).get("status").asText()).isEqualTo("open");
        assertThat(json(created).get("fixes").get("ko").asText()).isEqualTo("뚜껑 버튼을 5초 동안 눌러 주세요.");

        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        visitor.say("/start");
        visitor.press("No, thank you");
        visitor.press("File a complaint");
        visitor.press("Product");
        visitor.awaitText("Please describe what happened");
        visitor.say("The kettle keeps boiling until I pull the plug.");
        visitor.press("Skip");
        visitor.press("Continue without");
        visitor.press("Send complaint");
        visitor.awaitText("This is a known issue, and this usually solves it:\n\nHold the lid button for five seconds.");
        visitor.press("No, the problem remains");
        visitor.awaitText("Thank you for trying it");

        Await.until(() -> json(api.call("GET", "/api/known-issues/" + id, null)).get("notHelped").asLong() == 1);
        JsonNode issue = json(api.call("GET", "/api/known-issues/" + id, null));
        assertThat(issue.get("offered").asLong()).isEqualTo(1);
        assertThat(issue.get("helped").asLong()).isZero();

        JsonNode report = json(api.call("GET", "/api/reports/known-issues?from=2026-11-01&to=2026-12-01", null));
        assertThat(report.get("knownIssues")).anySatisfy(count -> {
            assertThat(count.get("knownIssueId").asLong()).isEqualTo(id);
            assertThat(count.get("offered").asLong()).isEqualTo(1);
            assertThat(count.get("notHelped").asLong()).isEqualTo(1);
        });
        JsonNode later = json(api.call("GET", "/api/reports/known-issues?from=2026-12-01&to=2027-01-01", null));
        assertThat(later.get("knownIssues")).allSatisfy(count -> assertThat(count.get("offered").asLong()).isZero());

        HttpResponse<String> refused = api.call("DELETE", "/api/known-issues/" + id, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("error").asText()).contains("close it instead");
        HttpResponse<String> closed = api.call("PUT", "/api/known-issues/" + id,
                KETTLE.replace("\"categories\"", "\"status\": \"closed\", \"categories\""));
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).get("status").asText()).isEqualTo("closed");
        assertThat(json(closed).get("offered").asLong()).isEqualTo(1);
    }

    @Test
    void listsReplacesAndDeletesAnIssueNeverOffered() throws Exception {
        long id = json(api.call("POST", "/api/known-issues", """
                {"title": "Invoices show the wrong VAT", "symptoms": ["vat"], "fixes": {"en": "Download it again."}}
                """)).get("id").asLong();
        assertThat(json(api.call("GET", "/api/known-issues", null)).get("items"))
                .anySatisfy(item -> assertThat(item.get("id").asLong()).isEqualTo(id));
        HttpResponse<String> replaced = api.call("PUT", "/api/known-issues/" + id, """
                {"title": "Invoices show the wrong VAT rate", "symptoms": ["vat", "tax"], "categories": ["billing"],
                 "fixes": {"tl": "I-download ulit ang invoice."}}
                """);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("symptoms")).hasSize(2);
        assertThat(json(replaced).get("fixes").has("en")).isFalse();
        assertThat(api.call("DELETE", "/api/known-issues/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/api/known-issues/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/known-issues/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api.call("PUT", "/api/known-issues/" + id, KETTLE).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesBadInputWithTheFieldNamed() throws Exception {
        assertError(api.call("POST", "/api/known-issues", "{\"symptoms\": [\"x\"], \"fixes\": {\"en\": \"f\"}}"), 400, "title");
        assertError(api.call("POST", "/api/known-issues", "{\"title\": \"t\", \"fixes\": {\"en\": \"f\"}}"), 400, "symptoms");
        assertError(api.call("POST", "/api/known-issues", "{\"title\": \"t\", \"symptoms\": [\"x\"]}"), 400, "fixes");
        assertError(api.call("POST", "/api/known-issues",
                "{\"title\": \"t\", \"symptoms\": [\"x\"], \"fixes\": {\"de\": \"f\"}}"), 400, "fixes: \"de\"");
        assertError(api.call("POST", "/api/known-issues",
                "{\"title\": \"t\", \"symptoms\": [\"x\"], \"fixes\": {\"en\": 3}}"), 400, "fixes.en");
        assertError(api.call("POST", "/api/known-issues", "{\"title\": \"t\", \"symptoms\": [\"x\"], "
                + "\"categories\": [\"toys\"], \"fixes\": {\"en\": \"f\"}}"), 400, "categories: \"toys\"");
        assertError(api.call("POST", "/api/known-issues", "{\"title\": \"t\", \"symptoms\": [\"x\"], "
                + "\"status\": \"maybe\", \"fixes\": {\"en\": \"f\"}}"), 400, "status");
        assertError(api.call("POST", "/api/known-issues", "{\"title\": \"t\", \"colour\": 1}"), 400, "colour");
        assertError(api.call("POST", "/api/known-issues", "not json"), 400, "JSON");
        assertError(api.call("GET", "/api/known-issues/abc", null), 400, "id");
        assertError(api.call("GET", "/api/reports/known-issues?from=yesterday", null), 400, "from");
        assertError(api.call("GET", "/api/reports/known-issues?from=2026-12-01&to=2026-11-01", null), 400, "from");
        HttpResponse<String> anonymous = new WebVisitor(APP.port()).get("/api/known-issues");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void assertError(HttpResponse<String> response, int status, String part) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(part);
    }
}
