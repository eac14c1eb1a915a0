package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.web.WebChat;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web chat's HTTP side: sessions and their cookies, limits, uploads, security headers, errors. */
class WebChatHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages MESSAGES = Messages.builtIn();
    private static final String SHOP = "https://shop.example.com";
    private static final int MESSAGES_PER_MINUTE = 6;
    private static final int SESSIONS_PER_MINUTE = 3;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static RetainBot bot;

    @BeforeAll
    static void start() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("WEB_CHAT_ALLOWED_ORIGINS", SHOP);
        env.put("HTTP_TRUST_PROXY", "true");
        env.put("WEB_CHAT_MESSAGES_PER_MINUTE", String.valueOf(MESSAGES_PER_MINUTE));
        env.put("WEB_CHAT_SESSIONS_PER_MINUTE", String.valueOf(SESSIONS_PER_MINUTE));
        bot = RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { });
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void issuesARandomHttpOnlyLaxCookieAndNamesTheChatByAnotherId() throws Exception {
        WebVisitor visitor = visitor();

        HttpResponse<String> opened = visitor.post("/chat/api/session", "");
        HttpResponse<String> again = visitor.post("/chat/api/session", "");
        String cookie = visitor.cookie(HttpServer.SESSION_COOKIE).orElseThrow();
        visitor.say("hello there");
        visitor.awaitText("");
        boolean cookieNamesASession = bot.transactor().inTransaction(store -> store.webChat().sessionExists(cookie));
        int linesUnderTheCookie = bot.transactor().inTransaction(store -> store.webChat().after(cookie, 0, 10)).size();

        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(opened.headers().firstValue("Set-Cookie")).hasValueSatisfying(header -> assertThat(header)
                .matches("retainbot_chat=[A-Za-z0-9_-]{22}; Path=/chat; Max-Age=\\d+; HttpOnly; SameSite=Lax"));
        assertThat(visitor.lines()).anySatisfy(line -> assertThat(line.get("text").asText()).isEqualTo("hello there"));
        assertThat(cookieNamesASession).isFalse();
        assertThat(linesUnderTheCookie).isZero();
    }

    @Test
    void marksTheCookieSecureWhenAProxySaysTheRequestCameOverHttps() {
        HttpResponse<String> opened = visitor().request("POST", "/chat/api/session", null, null,
                "X-Forwarded-Proto", "https");

        assertThat(opened.headers().firstValue("Set-Cookie")).hasValueSatisfying(header ->
                assertThat(header).contains("; HttpOnly", "; SameSite=Lax", "; Secure"));
    }

    @Test
    void givesTheEmbeddedChatAPartitionedCookieThatCrossSiteFramesReceive() {
        HttpResponse<String> opened = visitor().request("POST", "/chat/api/session?embed=1", null, null,
                "X-Forwarded-Proto", "https");

        assertThat(opened.headers().firstValue("Set-Cookie")).hasValueSatisfying(header -> assertThat(header)
                .startsWith(HttpServer.EMBED_COOKIE + "=")
                .contains("; HttpOnly", "; Secure", "; SameSite=None", "; Partitioned"));
    }

    @Test
    void givesAForgedCookieAFreshSessionNeverTheOneItNames() throws Exception {
        String forged = "AAAAAAAAAAAAAAAAAAAAAA";
        WebVisitor visitor = visitor().withCookie(HttpServer.SESSION_COOKIE, forged);

        HttpResponse<String> refused = visitor.get("/chat/api/messages?after=0");
        HttpResponse<String> opened = visitor.post("/chat/api/session", "");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("/chat");
        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(opened.headers().firstValue("Set-Cookie")).hasValueSatisfying(header ->
                assertThat(header).startsWith("retainbot_chat=").doesNotContain(forged));
    }

    @Test
    void answersTooManyMessagesFromOneSessionPolitely() throws Exception {
        WebVisitor visitor = visitor().openChat();
        for (int i = 0; i < MESSAGES_PER_MINUTE; i++) {
            assertThat(visitor.trySay("message " + i).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> limited = visitor.trySay("one more");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).get("error").asText())
                .isEqualTo(MESSAGES.in("en", Tone.FORMAL).get("web.rate_limited"));
    }

    @Test
    void answersTooManyNewSessionsFromOneAddressPolitely() throws Exception {
        String address = nextAddress();
        for (int i = 0; i < SESSIONS_PER_MINUTE; i++) {
            assertThat(visitorAt(address).post("/chat/api/session", "").statusCode()).isEqualTo(201);
        }

        HttpResponse<String> limited = visitorAt(address).request("POST", "/chat/api/session", null, null,
                "Accept-Language", "ko-KR");
        HttpResponse<String> elsewhere = visitor().post("/chat/api/session", "");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).get("error").asText())
                .isEqualTo(MESSAGES.in("ko", Tone.FORMAL).get("web.too_many_sessions"));
        assertThat(limited.headers().firstValue("Content-Language")).as("the page shows it as it is").hasValue("ko");
        assertThat(elsewhere.statusCode()).isEqualTo(201);
    }

    @Test
    void sendsSecurityHeadersOnEveryPage() {
        WebVisitor visitor = visitor();
        for (String path : new String[] {"/chat", "/chat/assets/chat.js", "/health", "/api/complaints", "/nowhere"}) {
            HttpResponse<String> response = visitor.get(path);

            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'self'", "script-src 'self'",
                            "frame-ancestors 'self' " + SHOP));
        }
    }

    @Test
    void servesTheEmbedScriptInTheVisitorsLanguage() {
        HttpResponse<String> script = visitor().get("/chat/embed.js", "Accept-Language", "ko");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/javascript"));
        assertThat(script.body()).contains(MESSAGES.in("ko", Tone.FORMAL).get("web.open_chat"), "/chat?embed=1");
    }

    @Test
    void answersEveryHttpErrorWithJson() throws Exception {
        WebVisitor visitor = visitor().openChat();

        HttpResponse<String> notFound = visitor.get("/chat/assets/nothing.js");
        HttpResponse<String> wrongMethod = visitor.request("DELETE", "/chat", null, null);
        HttpResponse<String> tooLarge = visitor().openChat().post("/chat/api/events", "{\"id\":\"big\",\"type\":\"text\",\"text\":\""
                + "x".repeat(300 * 1024) + "\"}");
        // the server closes the connection after these two, so each comes on a connection of its own
        HttpResponse<String> uriTooLong = visitor().get("/chat?q=" + "x".repeat(10_000));
        HttpResponse<String> wrongType = visitor.request("POST", "/chat/api/events", "text/plain",
                "{\"id\":\"t1\",\"type\":\"text\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> nullBody = visitor.post("/chat/api/events", "null");
        HttpResponse<String> malformed = visitor.post("/chat/api/events", "{\"id\":");
        HttpResponse<String> zeroReference = new AdminApi(bot.httpPort()).call("GET", "/api/complaints/C-0", null);
        HttpResponse<String> badAttachment = new AdminApi(bot.httpPort()).call("GET", "/api/complaints/C-1/files/photo", null);

        assertError(notFound, 404);
        assertError(wrongMethod, 405);
        assertError(tooLarge, 413);
        assertError(uriTooLong, 414);
        assertError(wrongType, 415);
        assertError(nullBody, 400);
        assertError(malformed, 400);
        assertError(zeroReference, 400);
        assertError(badAttachment, 400);
        assertThat(JSON.readTree(zeroReference.body()).get("error").asText()).contains("C-0");
    }

    @Test
    void answersWhatTheServerRefusesBeforeRoutingWithJsonToo() throws Exception {
        String hugeHeaders = raw("GET /chat HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(10_000) + "\r\n\r\n");
        String badEscape = raw("GET /chat/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(hugeHeaders).startsWith("HTTP/1.1 431").containsIgnoringCase("Content-Type: application/json")
                .contains("X-Content-Type-Options: nosniff", "{\"error\":\"the request headers are too large\"}");
        assertThat(badEscape).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .contains("{\"error\":");
    }

    /** One request written as bytes, for what an HTTP client library refuses to send; returns the whole answer. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", bot.httpPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void actsOnACommandTypedAsPlainTextAndKeepsAPathAsText() throws Exception {
        WebVisitor visitor = visitor().openChat();

        HttpResponse<String> help = visitor.trySay(" /help");
        visitor.awaitText("Here is what I can do");
        HttpResponse<String> human = visitor.trySay("/human");
        visitor.awaitText("asked the customer care team");
        HttpResponse<String> path = visitor.trySay("/receipts/march.pdf is missing");
        visitor.awaitText("I have kept this for my colleague");

        assertThat(help.statusCode()).isEqualTo(202);
        assertThat(human.statusCode()).isEqualTo(202);
        assertThat(path.statusCode()).isEqualTo(202);
    }

    @Test
    void takesAPdfIntoTheTranscriptAndShowsItOnlyToItsOwnChat() throws Exception {
        WebVisitor visitor = visitor().openChat();
        byte[] pdf = "%PDF-1.4\n% a receipt\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> uploaded = visitor.request("POST", "/chat/api/files?id=u1&name=receipt.pdf",
                "application/pdf", pdf);
        JsonNode line = awaitFileLine(visitor);
        String url = line.get("file").get("url").asText();
        HttpResponse<String> own = visitor.get(url);
        HttpResponse<String> stranger = visitor().openChat().get(url);

        assertThat(uploaded.statusCode()).isEqualTo(202);
        assertThat(line.get("file").get("name").asText()).isEqualTo("receipt.pdf");
        assertThat(line.get("file").get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(own.body()).isEqualTo(new String(pdf, StandardCharsets.US_ASCII));
        assertThat(stranger.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesFilesThatAreEmptyTooLargeOrNeitherPhotoNorPdf() throws Exception {
        String address = nextAddress();
        WebVisitor visitor = visitorAt(address).openChat();

        HttpResponse<String> empty = visitor.request("POST", "/chat/api/files?id=f1&name=a.jpg", "image/jpeg", new byte[0]);
        HttpResponse<String> text = visitor.request("POST", "/chat/api/files?id=f3&name=c.png", "image/png",
                "not a picture".getBytes(StandardCharsets.US_ASCII));

        String large = declaredTooLarge(visitor, address);

        assertError(empty, 400);
        assertError(text, 415);
        assertThat(JSON.readTree(text.body()).get("error").asText())
                .isEqualTo(MESSAGES.in("en", Tone.FORMAL).get("web.file_type"));
        assertThat(large).startsWith("HTTP/1.1 413").contains("application/json")
                .contains(JSON.writeValueAsString(MESSAGES.in("en", Tone.FORMAL).get("web.file_too_large", "max", 10)));
    }

    /**
     * A file of 10 MB and one byte, as its headers declare it: the server answers at once, before the body
     * comes (a client sending the body regardless may meet the closed connection as a broken pipe before it
     * reads the answer, so only the headers are sent here). Returns the whole answer as the server wrote it.
     */
    private static String declaredTooLarge(WebVisitor visitor, String address) throws Exception {
        String cookie = visitor.cookie(HttpServer.SESSION_COOKIE).orElseThrow();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", bot.httpPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST /chat/api/files?id=f2&name=b.pdf HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + bot.httpPort() + "\r\n"
                    + "Cookie: " + HttpServer.SESSION_COOKIE + "=" + cookie + "\r\n"
                    + "X-Forwarded-For: 198.51.100.7, " + address + "\r\n"
                    + "Content-Type: application/pdf\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024 + 1) + "\r\n"
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void speaksTheLanguageChosenWhenOpeningTheSessionFromTheFirstLine() throws Exception {
        WebVisitor visitor = visitor();

        HttpResponse<String> opened = visitor.post("/chat/api/session", "{\"language\": \"ko\"}");
        HttpResponse<String> started = visitor.post("/chat/api/events", "{\"id\": \"first\", \"type\": \"start\"}");
        String greeting = visitor.awaitText("");
        JsonNode transcript = JSON.readTree(visitor.get("/chat/api/messages?after=0").body());

        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(opened.body()).get("language").asText()).isEqualTo("ko");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(greeting).isEqualTo(greeting("ko"));
        assertThat(transcript.get("language").asText()).isEqualTo("ko");
        assertThat(transcript.get("labels").get("send").asText()).isEqualTo(MESSAGES.in("ko", Tone.FORMAL).get("web.send"));
        assertThat(customerLanguage(visitor)).isEqualTo("ko");
    }

    @Test
    void switchesTheLanguageOfASessionOpenedInAnotherBeforeTheBotKnowsTheVisitor() throws Exception {
        WebVisitor visitor = visitor();

        visitor.post("/chat/api/session", "{\"language\": \"en\"}");
        HttpResponse<String> again = visitor.post("/chat/api/session", "{\"language\": \"fil-PH\"}");
        visitor.post("/chat/api/events", "{\"id\": \"first\", \"type\": \"start\"}");
        String greeting = visitor.awaitText("");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("language").asText()).isEqualTo("tl");
        assertThat(greeting).isEqualTo(greeting("tl"));
    }

    @Test
    void refusesASessionLanguageItDoesNotSpeakNamingTheOnesItDoes() throws Exception {
        WebVisitor visitor = visitor();

        HttpResponse<String> french = visitor.post("/chat/api/session", "{\"language\": \"fr\"}");
        HttpResponse<String> number = visitor.post("/chat/api/session", "{\"language\": 7}");
        HttpResponse<String> notJson = visitor.post("/chat/api/session", "ko");

        for (HttpResponse<String> refused : java.util.List.of(french, number, notJson)) {
            assertError(refused, 400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("en, ko, tl");
        }
        assertThat(visitor.cookie(HttpServer.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void speaksTheFirstLanguageOfTheBrowsersListThatItKnows() throws Exception {
        WebVisitor visitor = new WebVisitor(bot.httpPort(), Map.of("X-Forwarded-For", "198.51.100.7, " + nextAddress(),
                "Accept-Language", "fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.7"));

        String page = visitor.get("/chat").body();
        HttpResponse<String> opened = visitor.post("/chat/api/session", "");
        visitor.post("/chat/api/events", "{\"id\": \"first\", \"type\": \"start\", \"language\": \"fr-FR,ko-KR\"}");
        String greeting = visitor.awaitText("");

        assertThat(page).contains("<html lang=\"ko\">");
        assertThat(JSON.readTree(opened.body()).get("language").asText()).isEqualTo("ko");
        assertThat(greeting).isEqualTo(greeting("ko"));
    }

    @Test
    void switchesTheLanguageAsThePagesPickerAsksAndTheCustomerKeepsIt() throws Exception {
        WebVisitor visitor = visitor();
        visitor.post("/chat/api/session", "");
        visitor.post("/chat/api/events", "{\"id\": \"first\", \"type\": \"start\", \"language\": \"ko-KR\"}");
        visitor.awaitText(greeting("ko"));

        HttpResponse<String> picked = visitor.post("/chat/api/events",
                "{\"id\": \"picked\", \"type\": \"button\", \"data\": \"lang:tl\", \"messageId\": \"\", \"language\": \"ko-KR\"}");
        String changed = visitor.awaitText(MESSAGES.in("tl", Tone.FORMAL).get("language.changed"));

        assertThat(picked.statusCode()).isEqualTo(202);
        assertThat(changed).as("changed, then the tone question in the new language")
                .isEqualTo(MESSAGES.in("tl", Tone.FORMAL).get("language.changed") + "\n\n"
                        + MESSAGES.in("tl", Tone.FORMAL).get("tone.ask"));
        assertThat(customerLanguage(visitor)).isEqualTo("tl");
        assertThat(JSON.readTree(visitor.get("/chat/api/messages?after=0").body()).get("language").asText()).isEqualTo("tl");
    }

    /** How the bot greets a new web chat visitor (no name known) in {@code language}. */
    private static String greeting(String language) {
        return MESSAGES.in(language, Tone.FORMAL).get("start.greeting.new", "hasName", "no", "name", "",
                "company", BusinessConfig.defaults().companyName());
    }

    private static String customerLanguage(WebVisitor visitor) {
        String cookie = visitor.cookie(HttpServer.SESSION_COOKIE).orElseThrow();
        return bot.transactor().inTransaction(store -> store.webChat()
                .visitor(WebChat.chatIdFor(cookie))).orElseThrow().language();
    }

    private static JsonNode awaitFileLine(WebVisitor visitor) {
        visitor.awaitText("");
        return visitor.lines().stream().filter(line -> line.hasNonNull("file")).findFirst()
                .orElseThrow(() -> new AssertionError("no file in " + visitor.lines()));
    }

    private static void assertError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).isNotBlank();
    }

    /** A visitor from an address of its own (as the trusted proxy reports it), so limits do not mix. */
    private static WebVisitor visitor() {
        return visitorAt(nextAddress());
    }

    private static WebVisitor visitorAt(String address) {
        return new WebVisitor(bot.httpPort(), Map.of("X-Forwarded-For", "198.51.100.7, " + address));
    }

    private static String nextAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }
}
