package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutreachApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RetainBot bot;

    @BeforeAll
    static void start() {
        bot = RetainBot.start(AppConfig.fromEnvironment(AppTesting.externalDatabase()), Clock.systemUTC(), token -> { });
        HttpResponse<String> imported = send("POST", "/api/customers/import", "text/csv", """
                display_name,form_of_address,language,tags,consent,consent_source,identities
                Maria Santos,Ms. Santos,tl,vip,yes,shop form,telegram:9001
                Kim Jun,,ko,vip;regular,no,web /stop,discord:9002@9102
                Ana Reyes,,en,regular,,,web:w-9003
                """);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void createsASegmentAndShowsItsAudienceBeforeAnythingIsSent() throws Exception {
        HttpResponse<String> created = send("POST", "/api/segments", "application/json", """
                {"name": "VIPs who agreed", "filter": {"anyTags": ["VIP"], "consent": "granted",
                 "channels": ["telegram"], "customerSinceAfter": "2020-01-01"}}
                """);
        JsonNode segment = JSON.readTree(created.body());
        long id = segment.get("id").asLong();

        HttpResponse<String> read = send("GET", "/api/segments/" + id, null, null);
        HttpResponse<String> list = send("GET", "/api/segments", null, null);
        HttpResponse<String> count = send("POST", "/api/segments/count", "application/json",
                "{\"filter\": {\"anyTags\": [\"vip\"]}}");
        HttpResponse<String> deleted = send("DELETE", "/api/segments/" + id, null, null);
        HttpResponse<String> gone = send("GET", "/api/segments/" + id, null, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(segment.get("audience").asLong()).isEqualTo(1);
        assertThat(segment.get("filter").get("anyTags").get(0).asText()).isEqualTo("vip");
        assertThat(JSON.readTree(read.body()).get("audience").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(list.body()).get("items").findValuesAsText("name")).contains("VIPs who agreed");
        assertThat(JSON.readTree(count.body()).get("audience").asLong()).isEqualTo(2);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void namesTheFieldInEveryRefusal() throws Exception {
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"langauges\": [\"en\"]}}"),
                400, "filter.langauges: unknown field");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"languages\": [\"english\"]}}"),
                400, "filter.languages: a language is a two- or three-letter code");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"lastContactBefore\": \"yesterday\"}}"),
                400, "filter.lastContactBefore");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"birthdayMonths\": [13]}}"),
                400, "birthdayMonths");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"filter\": {}}"), 400, "name: is required");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"consent\": \"maybe\"}}"),
                400, "filter.consent");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"x\", \"filter\": {\"recentComplaints\": {\"atLeast\": 2}}}"),
                400, "filter.recentComplaints.days");
        assertRefused(send("POST", "/api/segments", "application/json", "not json"), 400, "not valid JSON");
        assertRefused(send("GET", "/api/segments/abc", null, null), 400, "id:");
        send("POST", "/api/segments", "application/json", "{\"name\": \"Twice\"}");
        assertRefused(send("POST", "/api/segments", "application/json", "{\"name\": \"Twice\"}"), 409, "name:");
        assertRefused(send("POST", "/api/templates", "application/json", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "en", "body": "Hi {nmae}"}]}
                """), 400, "texts[0].");
        assertRefused(send("POST", "/api/templates", "application/json", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "ko", "body": "안녕하세요"}]}
                """), 400, "defaultLanguage:");
        assertRefused(send("POST", "/api/templates", "application/json", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "en", "body": "x"}], "buttons": ["like"]}
                """), 400, "buttons[0]");
    }

    @Test
    void refusesTheOutreachApiWithoutTheToken() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/api/segments")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("admin token");
    }

    @Test
    void previewsATemplateInTheCustomersLanguageWithTheStopButton() throws Exception {
        HttpResponse<String> created = send("POST", "/api/templates", "application/json", """
                {"name": "Membership day", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "tone": "formal", "body": "Dear {name}, see you on {membershipDay}."},
                           {"language": "ko", "body": "{name}님, {membershipDay}에 뵙겠습니다."}],
                 "buttons": ["thanks"]}
                """);
        long templateId = JSON.readTree(created.body()).get("id").asLong();
        long jun = customerId(Platform.DISCORD, "9002");
        long maria = customerId(Platform.TELEGRAM, "9001");

        JsonNode korean = JSON.readTree(send("GET", "/api/templates/" + templateId + "/preview?customerId=" + jun
                + "&membershipDay=2026-12-05", null, null).body());
        JsonNode tagalogFallsBack = JSON.readTree(send("GET", "/api/templates/" + templateId + "/preview?customerId="
                + maria + "&membershipDay=2026-12-05", null, null).body());
        HttpResponse<String> withoutDay = send("GET", "/api/templates/" + templateId + "/preview?customerId=" + jun,
                null, null);
        HttpResponse<String> noCustomer = send("GET", "/api/templates/" + templateId + "/preview?customerId=999999",
                null, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(korean.get("text").asText()).isEqualTo("Kim Jun님, 12월 5일에 뵙겠습니다.");
        assertThat(korean.get("buttons").findValuesAsText("label")).containsExactly("감사합니다!", "이 소식 그만 받기");
        assertThat(tagalogFallsBack.get("language").asText()).isEqualTo("en");
        assertThat(tagalogFallsBack.get("text").asText()).isEqualTo("Dear Ms. Santos, see you on December 5.");
        assertRefused(withoutDay, 400, "membershipDay:");
        assertRefused(noCustomer, 404, "customerId:");
        assertThat(JSON.readTree(send("GET", "/api/templates/" + templateId, null, null).body())
                .get("texts").size()).isEqualTo(2);
    }

    @Test
    void looksUpAndRedeemsAnOfferCodeOnce() throws Exception {
        long maria = customerId(Platform.TELEGRAM, "9001");
        OfferCode code = new Offers(bot.transactor(), new OfferCodeGenerator(new SecureRandom()), Clock.systemUTC())
                .issue(maria, "birthday:2027", Duration.ofDays(30));

        JsonNode lookedUp = JSON.readTree(send("GET", "/api/offers/" + code.code().toLowerCase(), null, null).body());
        HttpResponse<String> redeemed = send("POST", "/api/offers/" + code.code() + "/redeem", "application/json",
                "{\"redeemedBy\": \"till 2\"}");
        HttpResponse<String> again = send("POST", "/api/offers/" + code.code() + "/redeem", null, "");
        HttpResponse<String> unknown = send("GET", "/api/offers/ZZZZ-ZZZZ", null, null);

        assertThat(lookedUp.get("customerName").asText()).isEqualTo("Ms. Santos");
        assertThat(lookedUp.get("status").asText()).isEqualTo("active");
        assertThat(redeemed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(redeemed.body()).get("status").asText()).isEqualTo("redeemed");
        assertThat(JSON.readTree(redeemed.body()).get("redeemedBy").asText()).isEqualTo("till 2");
        assertRefused(again, 409, "already redeemed");
        assertRefused(unknown, 404, "no offer code");
    }

    @Test
    void importsWithARowByRowReportAndExportsTheSameShape() throws Exception {
        HttpResponse<String> report = send("POST", "/api/customers/import", "text/csv",
                "display_name,language,birthday\nGood,en,03-21\nBad,en,31-02\n");
        HttpResponse<String> export = send("GET", "/api/customers/export", null, null);
        HttpResponse<String> badHeader = send("POST", "/api/customers/import", "text/csv", "nom,langue\nA,fr\n");
        HttpResponse<String> notText = send("POST", "/api/customers/import", "text/csv", "display_name\n\u00ff");

        JsonNode body = JSON.readTree(report.body());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(body.get("created").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").get(0).get("field").asText()).isEqualTo("birthday");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(export.body()).startsWith("id,display_name,form_of_address,")
                .contains(",Maria Santos,Ms. Santos,tl,", "telegram:9001", "discord:9002@9102", ",Good,,en,");
        assertRefused(badHeader, 400, "header: unknown column \"nom\"");
        assertThat(notText.statusCode()).isEqualTo(200);
    }

    @Test
    void createsABroadcastThatStartsARunAndCountsWhyCustomersAreSkipped() throws Exception {
        long segment = JSON.readTree(send("POST", "/api/segments", "application/json",
                "{\"name\": \"Everyone for broadcast\"}").body()).get("id").asLong();
        long template = JSON.readTree(send("POST", "/api/templates", "application/json", """
                {"name": "Broadcast news", "defaultLanguage": "en",
                 "texts": [{"language": "en", "body": "News from {company} for {name}."}]}
                """).body()).get("id").asLong();

        HttpResponse<String> created = send("POST", "/api/broadcasts", "application/json",
                "{\"name\": \"News\", \"segmentId\": " + segment + ", \"templateId\": " + template
                        + ", \"schedule\": {\"at\": \"now\"}}");
        long id = JSON.readTree(created.body()).get("id").asLong();
        Await.until(() -> {
            JsonNode runs = read("/api/broadcasts/" + id).get("runs");
            return runs.size() == 1 && runs.get(0).get("progress").get("total").asLong() >= 3;
        });
        JsonNode progress = read("/api/broadcasts/" + id).get("runs").get(0).get("progress");
        HttpResponse<String> paused = send("POST", "/api/broadcasts/" + id + "/pause", null, "");
        HttpResponse<String> cancelled = send("POST", "/api/broadcasts/" + id + "/cancel", null, "");
        HttpResponse<String> resumeCancelled = send("POST", "/api/broadcasts/" + id + "/resume", null, "");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(progress.get("skippedByReason").get("no_consent").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("broadcast").get("status").asText()).isEqualTo("cancelled");
        assertRefused(resumeCancelled, 409, "cancelled");
        assertRefused(send("DELETE", "/api/segments/" + segment, null, null), 409, "broadcast");
        assertRefused(send("POST", "/api/broadcasts", "application/json", "{\"name\": \"x\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"rule\": \"every other day\"}}"),
                400, "schedule.rule:");
        assertRefused(send("POST", "/api/broadcasts", "application/json", "{\"name\": \"y\", \"segmentId\": 999999, "
                + "\"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 400, "segmentId:");
        assertRefused(send("POST", "/api/broadcasts", "application/json", "{\"name\": \"News\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 409, "name:");
    }

    @Test
    void reportsWhatABroadcastSentAndTheOfferCodesInIt() throws Exception {
        long segment = JSON.readTree(send("POST", "/api/segments", "application/json",
                "{\"name\": \"Everyone for the report\"}").body()).get("id").asLong();
        long template = JSON.readTree(send("POST", "/api/templates", "application/json", """
                {"name": "Service perk", "purpose": "service", "defaultLanguage": "en", "offerValidDays": 30,
                 "texts": [{"language": "en", "body": "Sorry for the wait, {name}: your code is {offerCode}."}]}
                """).body()).get("id").asLong();
        long id = JSON.readTree(send("POST", "/api/broadcasts", "application/json",
                "{\"name\": \"Apology with a perk\", \"segmentId\": " + segment + ", \"templateId\": " + template
                        + ", \"schedule\": {\"at\": \"now\"}}").body()).get("id").asLong();

        Await.until(() -> tally(id).path("sent").asLong() >= 1);
        JsonNode report = read("/api/reports/outreach");
        JsonNode broadcast = tally(id);

        assertThat(report.get("exitReasons").fieldNames()).toIterable()
                .contains("too_many", "not_relevant", "no_longer_customer", "privacy", "other", "unanswered");
        assertThat(broadcast.get("name").asText()).isEqualTo("Apology with a perk");
        assertThat(broadcast.get("templateId").asLong()).isEqualTo(template);
        assertThat(broadcast.get("offersSent").asLong()).isGreaterThanOrEqualTo(broadcast.get("sent").asLong());
        assertThat(broadcast.get("offersRedeemed").asLong()).isZero();
        assertThat(report.get("templates").findValuesAsText("name")).contains("Service perk");
    }

    /** The report's line for one broadcast; an empty object while it has none. */
    private static JsonNode tally(long broadcastId) {
        for (JsonNode line : read("/api/reports/outreach").get("broadcasts")) {
            if (line.get("broadcastId").asLong() == broadcastId) {
                return line;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(send("GET", path, null, null).body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long customerId(Platform platform, String userId) {
        return bot.transactor().inTransaction(session -> session.customers().findByIdentity(platform, userId))
                .orElseThrow().id();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String fragment) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(fragment);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + AppTesting.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + bot.httpPort() + path);
    }
}
