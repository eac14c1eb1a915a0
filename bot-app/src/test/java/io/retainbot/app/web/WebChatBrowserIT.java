package io.retainbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.http.AdminApi;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The web chat in a real headless Chromium, used by clicking and typing as a customer would. */
class WebChatBrowserIT {
    private static final Messages MESSAGES = Messages.builtIn();
    private static final BusinessConfig BUSINESS = BusinessConfig.defaults();

    @TempDir
    static Path files;

    private static RetainBot bot;
    private static HttpServer shop;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireInstalled();
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("WEB_CHAT_ALLOWED_ORIGINS", "http://127.0.0.1:" + shop.getAddress().getPort());
        env.put("WEB_CHAT_SESSIONS_PER_MINUTE", "1000");
        bot = RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { });
        byte[] shopPage = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo Shop</title>"
                + "<link rel=\"icon\" href=\"data:,\"></head>"
                + "<body><h1>Demo Shop</h1><p>Our products.</p>"
                + "<script src=\"http://localhost:" + bot.httpPort() + "/chat/embed.js\" async></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        shop.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, shopPage.length);
            exchange.getResponseBody().write(shopPage);
            exchange.close();
        });
        shop.start();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.stop(0);
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void filesAComplaintWithAPhotoInEnglishAndShowsItAllAfterReload() throws Exception {
        fileAComplaintWithAPhoto("en-US", "en", Screen.DESKTOP, TestFiles.photo(files, "parcel.png", "png"),
                "The parcel arrived two days late and the box was soaked through.", "image/png");
    }

    @Test
    void filesAComplaintWithAPhotoInKorean() throws Exception {
        fileAComplaintWithAPhoto("ko-KR", "ko", Screen.PHONE, TestFiles.photo(files, "택배.jpg", "jpg"),
                "택배가 이틀 늦게 도착했고 상자가 완전히 젖어 있었습니다. 안에 든 컵 하나가 깨졌어요.", "image/jpeg");
    }

    @Test
    void filesAComplaintWithAPhotoInTagalog() throws Exception {
        fileAComplaintWithAPhoto("fil-PH", "tl", Screen.DESKTOP, TestFiles.photo(files, "kahon.png", "png"),
                "Dalawang araw na huli dumating ang parsela at basang-basa ang kahon.", "image/png");
    }

    private void fileAComplaintWithAPhoto(String browserLanguage, String language, Screen screen, Path photo,
                                          String description, String mediaType) throws Exception {
        String name = "web-chat-complaint-" + language + "-" + screen.name().toLowerCase();
        try (Browser browser = Browser.open(screen, browserLanguage)) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            String category = BUSINESS.categories().get(0).label(language);

            chat.type("/complaint");
            chat.awaitBot(said(language, "intake.category.ask"));
            chat.press(category);
            chat.awaitBot(said(language, "intake.description.ask", "category", category));
            chat.type(description);
            chat.awaitBot(said(language, "intake.order.ask"));
            chat.press(said(language, "intake.button.skip").get(0));
            chat.awaitBot(said(language, "intake.files.ask"));
            chat.attach(photo);
            chat.awaitBot(said(language, "intake.files.received", "count", 1));
            chat.press(said(language, "intake.button.done").get(0));
            chat.press(said(language, "intake.button.confirm").get(0));
            String reference = chat.awaitReference();
            chat.awaitLines(chat.transcript().size());
            browser.screenshot(name);
            List<String> before = chat.transcript();

            chat.reload();
            chat.awaitLines(before.size());
            List<String> after = chat.transcript();
            browser.screenshot(name + "-reloaded");

            assertThat(after.subList(0, before.size())).isEqualTo(before);
            assertThat(after).containsSubsequence("me: /complaint", "me: " + category, "me: " + description,
                    "me:  [image]");
            assertThat(after.stream().filter(line -> line.startsWith("bot: ")).toList())
                    .anySatisfy(line -> assertThat(line).contains(reference));
            assertThat(chat.labels()).containsEntry("lang", language)
                    .containsEntry("send", MESSAGES.in(language, Tone.FORMAL).get("web.send"));
            assertThat(chat.overflowsSideways()).isFalse();
            assertThat(chat.references()).isPositive();
            assertThat(chat.brokenReferences()).isZero();
            assertThat(browser.script("return getComputedStyle(document.querySelector('.msg__text')).wordBreak"))
                    .isEqualTo(language.equals("ko") ? "keep-all" : "normal");
            browser.assertNoConsoleErrors();

            JsonNode details = api("/api/complaints/" + reference);
            JsonNode attachment = details.get("attachments").get(0);
            assertThat(details.get("attachments")).hasSize(1);
            assertThat(attachment.get("kind").asText()).isEqualTo("photo");
            assertThat(attachment.get("mediaType").asText()).isEqualTo(mediaType);
            assertThat(attachment.get("fileName").asText()).isEqualTo(photo.getFileName().toString());
            HttpResponse<byte[]> download = apiBytes(attachment.get("download").asText());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue(mediaType);
            assertThat(download.body()).isEqualTo(Files.readAllBytes(photo));
        }
    }

    @Test
    void promisesAVisitorInAnotherTimeZoneTheirOwnTime() throws Exception {
        try (Browser browser = Browser.open(Screen.DESKTOP, "en-US").inTimeZone("Asia/Manila")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            String reference = fileADeliveryComplaint(chat);
            browser.screenshot("web-chat-promise-in-the-visitors-zone");

            JsonNode complaint = api("/api/complaints/" + reference).get("complaint");
            assertThat(api("/api/customers/" + complaint.get("customerId").asLong()).get("customer").get("timeZone").asText())
                    .isEqualTo("Asia/Manila");
            java.time.Instant promised = java.time.Instant.parse(complaint.get("promisedAt").asText());
            ZoneId manila = ZoneId.of("Asia/Manila");
            assertThat(chat.awaitBotContaining(reference)).as("the business keeps UTC; the visitor reads Manila's clock")
                    .contains(DateWording.time(promised, manila, "en"))
                    .contains(DateWording.zoneName(promised, manila, "en"));
        }
    }

    @Test
    void aZoneStaffClearedStaysClearedWhenTheVisitorWritesAgain() throws Exception {
        try (Browser browser = Browser.open(Screen.DESKTOP, "en-US").inTimeZone("Asia/Manila")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            String reference = fileADeliveryComplaint(chat);
            JsonNode complaint = api("/api/complaints/" + reference).get("complaint");
            long customer = complaint.get("customerId").asLong();
            assertThat(api("/api/customers/" + customer).get("customer").get("timeZone").asText()).isEqualTo("Asia/Manila");

            // staff decide the customer follows the business's zone (the console saves the file the same way)
            AdminApi.ok(new AdminApi(bot.httpPort()).call("PATCH", "/api/customers/" + customer, "{\"timeZone\": null}"));
            chat.type("/status");
            String status = chat.awaitBotContaining(reference + " · ");

            java.time.Instant promised = java.time.Instant.parse(complaint.get("promisedAt").asText());
            JsonNode zone = api("/api/customers/" + customer).get("customer").path("timeZone");
            assertThat(zone.isNull() || zone.isMissingNode())
                    .as("the browser's zone did not fill the cleared zone in again: " + zone).isTrue();
            assertThat(status).as("answered in the business's zone").contains(DateWording.time(promised, BUSINESS.zone(), "en"))
                    .doesNotContain(DateWording.zoneName(promised, ZoneId.of("Asia/Manila"), "en"));
        }
    }

    /** Files a delivery complaint in the open chat, without order number or files; returns its reference. */
    private static String fileADeliveryComplaint(ChatPage chat) {
        chat.type("/complaint");
        chat.awaitBot(said("en", "intake.category.ask"));
        chat.press(BUSINESS.categories().get(0).label("en"));
        chat.type("The courier left the parcel at the wrong house, three streets away from mine.");
        chat.awaitBot(said("en", "intake.order.ask"));
        chat.press(said("en", "intake.button.skip").get(0));
        chat.awaitBot(said("en", "intake.files.ask"));
        chat.press(said("en", "intake.button.no_files").get(0));
        chat.press(said("en", "intake.button.confirm").get(0));
        return chat.awaitReference();
    }

    @Test
    void pageLabelsFollowTheLanguageChosenInTheConversation() {
        try (Browser browser = Browser.open(Screen.DESKTOP, "en-US")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            assertThat(chat.labels()).containsEntry("lang", "en").containsEntry("send", "Send");

            chat.type("/language");
            chat.awaitBot(said("en", "language.ask"));
            chat.press(MESSAGES.in("ko", Tone.FORMAL).get("language.name"));
            chat.awaitBotContaining(MESSAGES.in("ko", Tone.FORMAL).get("language.changed"));
            chat.press(MESSAGES.in("ko", Tone.FORMAL).get("tone.button.casual"));
            chat.awaitBotContaining(MESSAGES.in("ko", Tone.FRIENDLY).get("tone.changed"));

            Map<String, String> korean = Map.of("lang", "ko",
                    "title", MESSAGES.in("ko", Tone.FORMAL).get("web.title", "company", BUSINESS.companyName()),
                    "heading", MESSAGES.in("ko", Tone.FORMAL).get("web.title", "company", BUSINESS.companyName()),
                    "placeholder", MESSAGES.in("ko", Tone.FORMAL).get("web.placeholder"),
                    "send", MESSAGES.in("ko", Tone.FORMAL).get("web.send"));
            browser.await("the page's labels in Korean", driver -> chat.labels().equals(korean));
            browser.screenshot("web-chat-language-switched");
            chat.reload();
            assertThat(chat.labels()).isEqualTo(korean);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void greetsAKoreanBrowserInKoreanAndSwitchesLanguageWithThePicker() {
        try (Browser browser = Browser.open(Screen.PHONE, "ko-KR")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            assertThat(chat.botTexts().get(0)).isIn(said("ko", "start.greeting.new", "hasName", "no", "name", "",
                    "company", BUSINESS.companyName()));
            assertThat(chat.labels()).containsEntry("lang", "ko");
            assertThat(chat.chosenLanguage()).isEqualTo(MESSAGES.in("ko", Tone.FORMAL).get("language.name"));
            browser.screenshot("web-chat-korean-browser");

            chat.chooseLanguage(MESSAGES.in("tl", Tone.FORMAL).get("language.name"));
            chat.awaitBotContaining(MESSAGES.in("tl", Tone.FORMAL).get("language.changed"));
            browser.await("the page's labels in Tagalog", driver -> chat.labels().get("lang").equals("tl"));
            chat.reload();

            assertThat(chat.chosenLanguage()).isEqualTo("Tagalog");
            assertThat(chat.labels()).containsEntry("lang", "tl")
                    .containsEntry("send", MESSAGES.in("tl", Tone.FORMAL).get("web.send"));
            String chatId = WebChat.chatIdFor(browser.driver().manage().getCookieNamed("retainbot_chat").getValue());
            assertThat(bot.transactor().inTransaction(store -> store.webChat().visitor(chatId)).orElseThrow().language())
                    .as("the customer's file keeps the language").isEqualTo("tl");
            browser.screenshot("web-chat-language-picked");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void showsTheWholeComposerOnAPhoneInEveryLanguage() {
        for (String language : List.of("en-US", "ko-KR", "fil-PH")) {
            try (Browser browser = Browser.open(Screen.PHONE, language)) {
                ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
                String code = MESSAGES.languageFor(language);
                browser.await("the page's labels in " + code, driver -> chat.labels().get("lang").equals(code));
                browser.screenshot("web-chat-composer-phone-" + code);

                assertThat(chat.composerFaults()).as(language).isEmpty();
                browser.assertNoConsoleErrors();
            }
        }
    }

    @Test
    void disablesAnsweredButtonsAndAnswersAForcedOldPressPolitely() {
        try (Browser browser = Browser.open(Screen.PHONE, "en-US")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            chat.type("/complaint");
            chat.awaitBot(said("en", "intake.category.ask"));
            chat.press(BUSINESS.categories().get(0).label("en"));
            chat.awaitBot(said("en", "intake.description.ask", "category", BUSINESS.categories().get(0).label("en")));

            assertThat(chat.buttons()).isNotEmpty().noneMatch(WebElement::isEnabled);
            chat.reload();
            assertThat(chat.buttons()).isNotEmpty().noneMatch(WebElement::isEnabled);
            int botMessages = chat.botTexts().size();
            browser.script("""
                    const old = Array.from(document.querySelectorAll('.msg--bot .buttons button'))
                        .find(button => button.textContent === arguments[0]);
                    old.disabled = false;
                    old.click();
                    """, BUSINESS.categories().get(1).label("en"));
            chat.awaitBotMessages(botMessages + 1);
            chat.awaitBotContaining(said("en", "button.earlier_step").get(0));
            browser.screenshot("web-chat-old-button");

            assertThat(chat.errors()).isEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void takesAFiveThousandCharacterMessageAndKeepsThePageInShape() {
        String sentence = "The blender stopped after two days and now smells of burnt plastic. ";
        String longText = sentence.repeat(5_000 / sentence.length() + 1).substring(0, 4_999) + ".";
        try (Browser browser = Browser.open(Screen.PHONE, "en-US")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            chat.type("/complaint");
            chat.awaitBot(said("en", "intake.category.ask"));
            chat.press(BUSINESS.categories().get(1).label("en"));
            int botMessages = chat.botTexts().size() + 1;
            chat.awaitBotMessages(botMessages);
            chat.type(longText);
            chat.awaitBotMessages(botMessages + 1);
            chat.awaitLines(chat.transcript().size());

            assertThat(chat.myTexts()).contains(longText);
            assertThat(chat.overflowsSideways()).isFalse();
            assertThat(chat.errors()).isEmpty();
            browser.screenshot("web-chat-long-message-phone");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void refusesAFileThatIsNotAPhotoOrPdfWithAPoliteMessage() {
        try (Browser browser = Browser.open(Screen.DESKTOP, "en-US")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            chat.attach(TestFiles.notAPhoto(files, "holiday.png"));

            browser.await("a polite refusal", driver -> chat.errors().stream()
                    .anyMatch(error -> error.getText().equals(MESSAGES.in("en", Tone.FORMAL).get("web.file_type"))));
            assertThat(chat.myTexts()).isEmpty();
            browser.screenshot("web-chat-file-refused");
        }
    }

    @Test
    void wordsAnErrorTheServerGaveInEnglishInTheVisitorsLanguage() {
        try (Browser browser = Browser.open(Screen.PHONE, "ko-KR")) {
            ChatPage chat = new ChatPage(browser, bot.httpPort()).open();
            browser.script("document.getElementById('input').removeAttribute('maxlength');"
                    + "document.getElementById('input').value = 'x'.repeat(20001);");
            browser.find(By.id("send")).click();

            browser.await("the send failure in Korean", driver -> chat.errors().stream()
                    .anyMatch(error -> error.getText().equals(MESSAGES.in("ko", Tone.FORMAL).get("web.send_failed"))));
            assertThat(chat.errors()).noneMatch(error -> error.getText().contains("longer than"));
            browser.screenshot("web-chat-error-in-korean");
        }
    }

    @Test
    void embedsAsAChatBubbleOnTheShopsSiteAndKeepsTheConversation() {
        try (Browser browser = Browser.open(Screen.DESKTOP, "en-US")) {
            browser.go("http://127.0.0.1:" + shop.getAddress().getPort() + "/");
            openBubble(browser);
            ChatPage chat = new ChatPage(browser, bot.httpPort());
            chat.awaitBotMessages(1);
            chat.type("/complaint");
            chat.awaitBot(said("en", "intake.category.ask"));
            browser.driver().switchTo().defaultContent();
            browser.screenshot("web-chat-embedded");

            browser.reload();
            openBubble(browser);
            chat.awaitBot(said("en", "intake.category.ask"));
            assertThat(chat.myTexts()).contains("/complaint");
            browser.assertNoConsoleErrors();
        }
    }

    private static void openBubble(Browser browser) {
        browser.await("the chat bubble", driver -> browser.findAll(By.cssSelector("button[aria-expanded]")).stream()
                .findFirst().orElse(null)).click();
        WebElement frame = browser.await("the chat frame", driver -> browser.findAll(By.tagName("iframe")).stream()
                .findFirst().orElse(null));
        browser.driver().switchTo().frame(frame);
    }

    /** The text of {@code key} in both tones: the customer sees one of them. */
    private static List<String> said(String language, String key, Object... args) {
        return Stream.of(Tone.values()).map(tone -> MESSAGES.in(language, tone).get(key, args)).distinct().toList();
    }

    private static JsonNode api(String path) {
        return new AdminApi(bot.httpPort()).get(path);
    }

    private static HttpResponse<byte[]> apiBytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + bot.httpPort() + path))
                .header("Authorization", "Bearer " + AppTesting.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
