package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.json;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.testing.Await;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outreach through the real HTTP server: segments, templates (with their photos, shown in the web chat),
 * offer codes, the customer file as CSV, broadcasts and their report; refusals are JSON errors naming the field.
 */
class OutreachApiIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static RetainBot bot;
    private static AdminApi api;

    @BeforeAll
    static void start() {
        bot = RetainBot.start(AppConfig.fromEnvironment(AppTesting.externalDatabase()), Clock.systemUTC(), token -> { });
        api = new AdminApi(bot.httpPort());
        HttpResponse<String> imported = api.call("POST", "/api/customers/import", "text/csv", """
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
        HttpResponse<String> created = api.call("POST", "/api/segments", """
                {"name": "VIPs who agreed", "filter": {"anyTags": ["VIP"], "consent": "granted",
                 "channels": ["telegram"], "customerSinceAfter": "2020-01-01"}}
                """);
        JsonNode segment = json(created);
        long id = segment.get("id").asLong();

        HttpResponse<String> read = api.call("GET", "/api/segments/" + id, null);
        HttpResponse<String> list = api.call("GET", "/api/segments", null);
        HttpResponse<String> count = api.call("POST", "/api/segments/count",
                "{\"filter\": {\"anyTags\": [\"vip\"]}}");
        HttpResponse<String> deleted = api.call("DELETE", "/api/segments/" + id, null);
        HttpResponse<String> gone = api.call("GET", "/api/segments/" + id, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(segment.get("audience").asLong()).isEqualTo(1);
        assertThat(segment.get("filter").get("anyTags").get(0).asText()).isEqualTo("vip");
        assertThat(json(read).get("audience").asLong()).isEqualTo(1);
        assertThat(json(list).get("items").findValuesAsText("name")).contains("VIPs who agreed");
        assertThat(json(count).get("audience").asLong()).isEqualTo(2);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void namesTheFieldInEveryRefusal() throws Exception {
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"langauges\": [\"en\"]}}"),
                400, "filter.langauges: unknown field");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"languages\": [\"english\"]}}"),
                400, "filter.languages: a language is a two- or three-letter code");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"lastContactBefore\": \"yesterday\"}}"),
                400, "filter.lastContactBefore");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"birthdayMonths\": [13]}}"),
                400, "birthdayMonths");
        assertError(api.call("POST", "/api/segments", "{\"filter\": {}}"), 400, "name: is required");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"consent\": \"maybe\"}}"),
                400, "filter.consent");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"x\", \"filter\": {\"recentComplaints\": {\"atLeast\": 2}}}"),
                400, "filter.recentComplaints.days");
        assertError(api.call("POST", "/api/segments", "not json"), 400, "not valid JSON");
        assertError(api.call("GET", "/api/segments/abc", null), 400, "id:");
        api.call("POST", "/api/segments", "{\"name\": \"Twice\"}");
        assertError(api.call("POST", "/api/segments", "{\"name\": \"Twice\"}"), 409, "name:");
        assertError(api.call("POST", "/api/templates", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "en", "body": "Hi {nmae}"}]}
                """), 400, "texts[0]: unknown placeholder {nmae}");
        assertError(api.call("POST", "/api/templates", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "ko", "body": "안녕하세요"}]}
                """), 400, "defaultLanguage:");
        assertError(api.call("POST", "/api/templates", """
                {"name": "t", "defaultLanguage": "en", "texts": [{"language": "en", "body": "x"}], "buttons": ["like"]}
                """), 400, "buttons[0]");
    }

    @Test
    void refusesTheOutreachApiWithoutTheToken() throws Exception {
        HttpResponse<String> response = new WebVisitor(bot.httpPort()).get("/api/segments");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).contains("admin token");
    }

    @Test
    void previewsATemplateInTheCustomersLanguageWithTheStopButton() throws Exception {
        HttpResponse<String> created = api.call("POST", "/api/templates", """
                {"name": "Membership day", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "tone": "formal", "body": "Dear {name}, see you on {membershipDay}."},
                           {"language": "ko", "body": "{name}님, {membershipDay}에 뵙겠습니다."}],
                 "buttons": ["thanks"]}
                """);
        long templateId = json(created).get("id").asLong();
        long jun = customerId(Platform.DISCORD, "9002");
        long maria = customerId(Platform.TELEGRAM, "9001");

        JsonNode korean = json(api.call("GET", "/api/templates/" + templateId + "/preview?customerId=" + jun
                + "&membershipDay=2026-12-05", null));
        JsonNode tagalogFallsBack = json(api.call("GET", "/api/templates/" + templateId + "/preview?customerId="
                + maria + "&membershipDay=2026-12-05", null));
        HttpResponse<String> withoutDay = api.call("GET", "/api/templates/" + templateId + "/preview?customerId=" + jun,
                null);
        HttpResponse<String> noCustomer = api.call("GET", "/api/templates/" + templateId + "/preview?customerId=999999",
                null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(korean.get("text").asText()).isEqualTo("Kim Jun님, 12월 5일에 뵙겠습니다.");
        assertThat(korean.get("buttons").findValuesAsText("label")).containsExactly("감사합니다!", "이 소식 그만 받기");
        assertThat(tagalogFallsBack.get("language").asText()).isEqualTo("en");
        assertThat(tagalogFallsBack.get("text").asText()).isEqualTo("Dear Ms. Santos, see you on December 5.");
        assertError(withoutDay, 400, "membershipDay:");
        assertError(noCustomer, 404, "customerId:");
        assertThat(json(api.call("GET", "/api/templates/" + templateId, null))
                .get("texts").size()).isEqualTo(2);
    }

    @Test
    void looksUpAndRedeemsAnOfferCodeOnce() throws Exception {
        long maria = customerId(Platform.TELEGRAM, "9001");
        OfferCode code = new Offers(bot.transactor(), new OfferCodeGenerator(new SecureRandom()), Clock.systemUTC())
                .issue(maria, "birthday:2027", Duration.ofDays(30));

        JsonNode lookedUp = json(api.call("GET", "/api/offers/" + code.code().toLowerCase(), null));
        HttpResponse<String> redeemed = api.call("POST", "/api/offers/" + code.code() + "/redeem",
                "{\"redeemedBy\": \"till 2\"}");
        HttpResponse<String> again = api.call("POST", "/api/offers/" + code.code() + "/redeem", null);
        HttpResponse<String> unknown = api.call("GET", "/api/offers/ZZZZ-ZZZZ", null);

        assertThat(lookedUp.get("customerName").asText()).isEqualTo("Ms. Santos");
        assertThat(lookedUp.get("status").asText()).isEqualTo("active");
        assertThat(redeemed.statusCode()).isEqualTo(200);
        assertThat(json(redeemed).get("status").asText()).isEqualTo("redeemed");
        assertThat(json(redeemed).get("redeemedBy").asText()).isEqualTo("till 2");
        assertThat(json(redeemed).get("customerName").asText()).as("whose code the till just took")
                .isEqualTo("Ms. Santos");
        assertError(again, 409, "already redeemed");
        assertError(unknown, 404, "no offer code");
    }

    @Test
    void namesTheHolderOfAnOfferCodeWhoseFileHasNoNameByNumberAsTheConsoleDoes() throws Exception {
        long visitor = bot.transactor().inTransaction(session -> session.customers()
                .create(io.retainbot.core.customer.CustomerProfile.named("", "en"), Instant.now())).id();
        OfferCode code = new Offers(bot.transactor(), new OfferCodeGenerator(new SecureRandom()), Clock.systemUTC())
                .issue(visitor, "welcome", Duration.ofDays(30));

        JsonNode lookedUp = json(api.call("GET", "/api/offers/" + code.code(), null));

        assertThat(lookedUp.get("customerName").asText()).isEqualTo("Customer " + visitor);
    }

    @Test
    void refusesACustomerFileOverSixtyFourMegabytesByItsDeclaredSizeBeforeReadingIt() throws Exception {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", bot.httpPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/customers/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + io.retainbot.app.AppTesting.ADMIN_TOKEN + "\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: 70000000\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/json")
                .contains("{\"error\":\"the file is larger than 64 MB; split it and import the parts\"}");
    }

    @Test
    void importsWithARowByRowReportAndExportsTheSameShape() throws Exception {
        HttpResponse<String> report = api.call("POST", "/api/customers/import", "text/csv",
                "display_name,language,birthday\nGood,en,03-21\nBad,en,31-02\n");
        HttpResponse<String> export = api.call("GET", "/api/customers/export", null);
        HttpResponse<String> badHeader = api.call("POST", "/api/customers/import", "text/csv", "nom,langue\nA,fr\n");
        HttpResponse<String> notText = api.call("POST", "/api/customers/import", "text/csv", "display_name\n\u00ff");

        JsonNode body = json(report);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(body.get("created").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").get(0).get("field").asText()).isEqualTo("birthday");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(export.body()).startsWith("id,display_name,form_of_address,")
                .contains(",Maria Santos,Ms. Santos,tl,", "telegram:9001", "discord:9002@9102", ",Good,,en,");
        assertError(badHeader, 400, "header: unknown column \"nom\"");
        assertThat(notText.statusCode()).isEqualTo(200);
    }

    @Test
    void aCancelledMembershipDayHasNoNextOccurrence() throws Exception {
        long segment = json(api.call("POST", "/api/segments", "{\"name\": \"Monthly members\"}")).get("id").asLong();
        long template = json(api.call("POST", "/api/templates", """
                {"name": "Monthly membership day", "defaultLanguage": "en",
                 "texts": [{"language": "en", "body": "See you on {membershipDay}, {name}."}]}
                """)).get("id").asLong();
        long id = json(api.call("POST", "/api/broadcasts", "{\"name\": \"Monthly membership day\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"rule\": \"first Saturday of every month at "
                + "10:00\", \"zone\": \"business\"}}")).get("id").asLong();
        JsonNode paused = json(api.call("POST", "/api/broadcasts/" + id + "/pause", null));

        JsonNode cancelled = json(api.call("POST", "/api/broadcasts/" + id + "/cancel", null));

        assertThat(paused.get("broadcast").get("nextOccurrence").isNull()).as("paused, it resumes there").isFalse();
        assertThat(cancelled.get("broadcast").get("nextOccurrence").isNull()).isTrue();
        assertThat(api.get("/api/broadcasts/" + id).get("broadcast").get("nextOccurrence").isNull()).isTrue();
    }

    @Test
    void createsABroadcastThatStartsARunAndCountsWhyCustomersAreSkipped() throws Exception {
        long segment = json(api.call("POST", "/api/segments",
                "{\"name\": \"Everyone for broadcast\"}")).get("id").asLong();
        long template = json(api.call("POST", "/api/templates", """
                {"name": "Broadcast news", "defaultLanguage": "en",
                 "texts": [{"language": "en", "body": "News from {company} for {name}."}]}
                """)).get("id").asLong();

        HttpResponse<String> created = api.call("POST", "/api/broadcasts",
                "{\"name\": \"News\", \"segmentId\": " + segment + ", \"templateId\": " + template
                        + ", \"schedule\": {\"at\": \"now\"}}");
        long id = json(created).get("id").asLong();
        Await.until(() -> {
            JsonNode runs = api.get("/api/broadcasts/" + id).get("runs");
            return runs.size() == 1 && runs.get(0).get("progress").get("total").asLong() >= 3;
        });
        JsonNode progress = api.get("/api/broadcasts/" + id).get("runs").get(0).get("progress");
        HttpResponse<String> paused = api.call("POST", "/api/broadcasts/" + id + "/pause", null);
        HttpResponse<String> cancelled = api.call("POST", "/api/broadcasts/" + id + "/cancel", null);
        HttpResponse<String> resumeCancelled = api.call("POST", "/api/broadcasts/" + id + "/resume", null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(progress.get("skippedByReason").get("no_consent").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("broadcast").get("status").asText()).isEqualTo("cancelled");
        assertError(resumeCancelled, 409, "cancelled");
        assertError(api.call("DELETE", "/api/segments/" + segment, null), 409, "broadcast");
        assertError(api.call("POST", "/api/broadcasts", "{\"name\": \"x\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"rule\": \"every other day\"}}"),
                400, "schedule.rule:");
        assertError(api.call("POST", "/api/broadcasts", "{\"name\": \"Typo year\", \"segmentId\": " + segment
                + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"2020-12-05T10:00:00Z\"}}"),
                400, "schedule.at: \"2020-12-05T10:00:00Z\" has passed");
        assertError(api.call("POST", "/api/broadcasts", "{\"name\": \"y\", \"segmentId\": 999999, "
                + "\"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 400, "segmentId:");
        assertError(api.call("POST", "/api/broadcasts", "{\"name\": \"News\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 409, "name:");
    }

    @Test
    void reportsWhatABroadcastSentAndTheOfferCodesInIt() throws Exception {
        long segment = json(api.call("POST", "/api/segments",
                "{\"name\": \"Everyone for the report\"}")).get("id").asLong();
        long template = json(api.call("POST", "/api/templates", """
                {"name": "Service perk", "purpose": "service", "defaultLanguage": "en", "offerValidDays": 30,
                 "texts": [{"language": "en", "body": "Sorry for the wait, {name}: your code is {offerCode}."}]}
                """)).get("id").asLong();
        long id = json(api.call("POST", "/api/broadcasts",
                "{\"name\": \"Apology with a perk\", \"segmentId\": " + segment + ", \"templateId\": " + template
                        + ", \"schedule\": {\"at\": \"now\"}}")).get("id").asLong();

        Await.until(() -> tally(id).path("sent").asLong() >= 1);
        JsonNode report = api.get("/api/reports/outreach");
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
        for (JsonNode line : api.get("/api/reports/outreach").get("broadcasts")) {
            if (line.get("broadcastId").asLong() == broadcastId) {
                return line;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static long customerId(Platform platform, String userId) {
        return bot.transactor().inTransaction(session -> session.customers().findByIdentity(platform, userId))
                .orElseThrow().id();
    }

    private static String upload(String name, byte[] image) {
        return ok(api.call("POST", "/api/photos?name=" + name, "image/png", image), 201).get("id").asText();
    }

    @Test
    void aPhotoIsKeptNamedByATemplatePreviewedAndShownInTheWebChat() throws Exception {
        WebVisitor visitor = new WebVisitor(bot.httpPort()).openChat();
        visitor.say("/start");
        visitor.press("No, thank you");
        long customerId = customerId(Platform.TELEGRAM, "9001");

        JsonNode kept = ok(api.call("POST", "/api/photos?name=shop%20front.png", "image/png", PNG), 201);
        String photo = kept.get("id").asText();
        HttpResponse<String> image = api.call("GET", "/api/photos/" + photo, null);
        JsonNode template = ok(api.call("POST", "/api/templates", """
                {"name": "New shop", "purpose": "service", "defaultLanguage": "en", "photo": "%s",
                 "texts": [{"language": "en", "body": "Our new shop opens on Monday, {name}."}]}
                """.formatted(photo)), 201);
        JsonNode preview = api.get("/api/templates/" + template.get("id").asLong() + "/preview?customerId="
                + customerId);

        assertThat(kept.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(kept.get("fileName").asText()).isEqualTo("shop front.png");
        assertThat(kept.get("sizeBytes").asLong()).isEqualTo(PNG.length);
        assertThat(kept.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(api.get("/api/photos").get("items").findValuesAsText("id")).contains(photo);
        assertThat(template.get("photo").get("id").asText()).isEqualTo(photo);
        assertThat(preview.get("photo").get("url").asText()).isEqualTo("/api/photos/" + photo);
        assertThat(preview.get("text").asText()).isEqualTo("Our new shop opens on Monday, Ms. Santos.");

        long segment = ok(api.call("POST", "/api/segments",
                "{\"name\": \"Web visitors\", \"filter\": {\"channels\": [\"web\"]}}"), 201).get("id").asLong();
        ok(api.call("POST", "/api/broadcasts", "{\"name\": \"Shop news\", \"segmentId\": " + segment
                + ", \"templateId\": " + template.get("id").asLong() + ", \"schedule\": {\"at\": \"now\"}}"), 201);
        visitor.awaitText("Our new shop opens on Monday");
        JsonNode line = visitor.lines().stream()
                .filter(said -> said.get("text").asText().startsWith("Our new shop opens")).findFirst().orElseThrow();
        HttpResponse<String> shown = visitor.get(line.get("file").get("url").asText());

        assertThat(line.get("file").get("url").asText()).isEqualTo("/chat/api/photos/" + photo);
        assertThat(line.get("file").get("image").asBoolean()).isTrue();
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(shown.headers().firstValue("Content-Length")).contains(String.valueOf(PNG.length));
    }

    @Test
    void refusesWhatIsNoPhotoAndKeepsAPhotoATemplateShows() {
        assertError(api.call("POST", "/api/photos", "image/png", "just words".getBytes(StandardCharsets.UTF_8)), 400,
                "photo: a photo must be a JPEG or PNG image");
        assertError(api.call("POST", "/api/photos", "image/png", new byte[0]), 400, "photo: the upload is empty");
        byte[] huge = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        assertError(api.call("POST", "/api/photos", "image/png", huge), 413, "photo: a photo may have at most 5 MB");
        assertError(api.call("POST", "/api/templates", """
                {"name": "No such photo", "defaultLanguage": "en", "photo": "ph-AAAAAAAAAAAAAAAAAAAAAA",
                 "texts": [{"language": "en", "body": "Hello"}]}
                """), 400, "photo: no photo ph-AAAAAAAAAAAAAAAAAAAAAA");
        assertError(api.call("GET", "/api/photos/not-a-key", null), 400, "key:");
        assertError(api.call("GET", "/api/photos/ph-AAAAAAAAAAAAAAAAAAAAAA", null), 404, "no photo");

        String photo = upload("banner.png", PNG);
        long template = ok(api.call("POST", "/api/templates", """
                {"name": "Banner", "defaultLanguage": "en", "photo": "%s",
                 "texts": [{"language": "en", "body": "Hello"}]}
                """.formatted(photo)), 201).get("id").asLong();
        assertError(api.call("DELETE", "/api/photos/" + photo, null), 409, "shown by a template");
        assertThat(api.call("DELETE", "/api/templates/" + template, null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/photos/" + photo, null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/api/photos/" + photo, null).statusCode()).isEqualTo(404);
        assertThat(json(new WebVisitor(bot.httpPort()).get("/api/photos")).get("error").asText()).contains("admin token");
    }
}
