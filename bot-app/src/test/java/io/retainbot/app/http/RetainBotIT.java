package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetainBotIT {
    @RegisterExtension
    static final RunningApp APP = RunningApp.onSystemClock();
    private final AdminApi api = APP.api();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("C-\\d+");

    @Test
    void reportsHealthWithTheDatabase() throws Exception {
        HttpResponse<String> health = visitor().get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("database").asText()).isEqualTo("up");
    }

    @Test
    void servesPrometheusMetricsForJvmPoolAndHttp() {
        WebVisitor visitor = visitor();
        visitor.get("/health");

        HttpResponse<String> metrics = visitor.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections",
                "http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}");
    }

    @Test
    void filesAComplaintFromTheWebChatAndListsItInTheApi() throws Exception {
        WebVisitor visitor = visitor().openChat();
        visitor.say("/start");
        visitor.awaitText("welcome to RetainBot Demo Shop");
        visitor.press("No, thank you");
        visitor.awaitText("no greetings or offers");
        visitor.press("File a complaint");
        visitor.awaitText("What is it about?");
        visitor.press("Delivery");
        visitor.awaitText("Please describe what happened");
        visitor.say("The parcel arrived two days late and the box was soaked.");
        visitor.awaitText("order or reference number");
        visitor.press("Skip");
        visitor.awaitText("photos or files");
        visitor.press("Continue without");
        visitor.awaitText("Please check your complaint");
        visitor.press("Send complaint");
        String acknowledgement = visitor.awaitText("registered under reference");
        Matcher matcher = REFERENCE.matcher(acknowledgement);
        assertThat(matcher.find()).isTrue();
        String reference = matcher.group();

        HttpResponse<String> list = api.call("GET", "/api/complaints?status=open", null);
        JsonNode listed = findByReference(JSON.readTree(list.body()).get("items"), reference);
        HttpResponse<String> single = api.call("GET", "/api/complaints/" + reference, null);
        JsonNode details = JSON.readTree(single.body());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(listed.get("status").asText()).isEqualTo("open");
        assertThat(listed.get("category").asText()).isEqualTo("delivery");
        assertThat(listed.get("channel").asText()).isEqualTo("web");
        assertThat(listed.get("description").asText()).startsWith("The parcel arrived two days late");
        assertThat(listed.hasNonNull("customerId")).isTrue();
        assertThat(listed.hasNonNull("createdAt")).isTrue();
        assertThat(listed.hasNonNull("targetAt")).isTrue();
        assertThat(listed.hasNonNull("promisedAt")).isTrue();
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(details.get("conversation").findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).contains("The parcel arrived two days late"))
                .anySatisfy(text -> assertThat(text).contains("Please check your complaint"))
                .contains("File a complaint", "Delivery", "Skip", "Send complaint")
                .noneSatisfy(text -> assertThat(text).contains("no greetings or offers"))
                .noneMatch(text -> text.startsWith("menu:") || text.startsWith("intake:") || text.startsWith("button "));
    }

    @Test
    void refusesTheApiWithoutTheRightToken() throws Exception {
        WebVisitor visitor = visitor();

        HttpResponse<String> missing = visitor.get("/api/complaints");
        HttpResponse<String> wrong = new AdminApi(APP.port(), "not-the-token-at-all")
                .call("GET", "/api/complaints", null);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).contains("admin token");
    }

    @Test
    void answersBadApiRequestsWithJsonErrors() throws Exception {
        AdminApi api = APP.api();

        HttpResponse<String> unknownStatus = api.call("GET", "/api/complaints?status=lost", null);
        HttpResponse<String> badLimit = api.call("GET", "/api/complaints?limit=-5", null);
        HttpResponse<String> badReference = api.call("GET", "/api/complaints/banana", null);
        HttpResponse<String> noSuchComplaint = api.call("GET", "/api/complaints/C-99999999", null);

        assertThat(unknownStatus.statusCode()).isEqualTo(400);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badReference.statusCode()).isEqualTo(400);
        assertThat(noSuchComplaint.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noSuchComplaint.body()).get("error").asText()).contains("C-99999999");
    }

    @Test
    void answersBadChatInputPolitely() throws Exception {
        WebVisitor visitor = visitor().openChat();

        HttpResponse<String> notJson = visitor.post("/chat/api/events", "{not json");
        HttpResponse<String> unknownType = visitor.post("/chat/api/events", "{\"id\":\"x1\",\"type\":\"telepathy\"}");
        HttpResponse<String> noSession = visitor().post("/chat/api/events", "{\"id\":\"x2\",\"type\":\"text\",\"text\":\"hi\"}");
        HttpResponse<String> huge = visitor.post("/chat/api/events",
                JSON.writeValueAsString(java.util.Map.of("id", "x3", "type", "text", "text", "é".repeat(10_000))));
        HttpResponse<String> withNul = visitor.post("/chat/api/events",
                "{\"id\":\"x4\",\"type\":\"text\",\"text\":\"broken\\u0000 cup\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").asText()).isNotBlank();
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownType.body()).get("error").asText()).contains("type must be");
        assertThat(noSession.statusCode()).isEqualTo(401);
        assertThat(huge.statusCode()).isEqualTo(202);
        assertThat(withNul.statusCode()).isEqualTo(202);
        visitor.awaitText("welcome to RetainBot Demo Shop");
    }

    @Test
    void servesTheChatPageInTheVisitorsLanguage() {
        WebVisitor visitor = visitor();

        HttpResponse<String> page = visitor.get("/chat", "Accept-Language", "ko-KR,ko;q=0.9");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ko\"", "/chat/assets/chat.js", "/chat/assets/chat.css");
    }

    private static JsonNode findByReference(JsonNode items, String reference) {
        for (JsonNode item : items) {
            if (item.get("reference").asText().equals(reference)) {
                return item;
            }
        }
        throw new AssertionError(reference + " not listed in " + items);
    }

    private static WebVisitor visitor() {
        return new WebVisitor(APP.port());
    }
}
