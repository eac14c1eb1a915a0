package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.http.AdminApi;
import io.retainbot.app.http.WebVisitor;
import io.retainbot.app.web.ChatPage;
import io.retainbot.app.web.TestFiles;
import io.retainbot.core.outreach.OfferCode;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The staff issue's complaint actions and the customer file in the console: can't help with a referral the
 * web chat customer sees, internal notes, a photo answer, reopen and reassign by role; editing a file, tags,
 * consent, merging two files, CSV import and export; offer codes at the till.
 */
class ConsoleCareBrowserIT {
    private static final String JOON = "joon@shop.example";
    private static final String JOON_PASSWORD = "joon's long password";
    private static final String DANA = "dana@shop.example";
    private static final String DANA_PASSWORD = "dana's long password";
    private static final String SORA = "sora@shop.example";
    private static final String SORA_PASSWORD = "sora's long password";

    @TempDir
    static Path files;

    private static ConsoleShop shop;
    private static long joonId;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        shop = ConsoleShop.start();
        joonId = shop.staffMember("Joon Lee", "agent", JOON, JOON_PASSWORD);
        shop.staffMember("Dana Cruz", "supervisor", DANA, DANA_PASSWORD);
        shop.staffMember("Sora Kim", "marketer", SORA, SORA_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anAgentCannotHelpNamesABusinessAndTheWebChatCustomerSeesIt() throws Exception {
        try (Browser agent = Browser.open(Screen.DESKTOP); Browser customer = Browser.open(Screen.PHONE)) {
            ChatPage chat = new ChatPage(customer, shop.port()).open();
            String reference = ConsoleBrowsing.fileAComplaint(chat, "The blender motor smells of smoke.", null);

            ConsoleBrowsing.signIn(agent, shop, JOON, JOON_PASSWORD);
            agent.go(shop.url("/console/complaints/" + reference));
            agent.find(By.id("claim")).click();
            agent.await("claimed", driver -> ConsoleBrowsing.text(agent, "#holder").equals("with Joon Lee"));
            ConsoleBrowsing.assertEveryInputHasALabel(agent);

            agent.find(By.id("note-text")).sendKeys("Same batch as last week's blender; ask the supplier.");
            agent.find(By.id("note")).click();
            agent.await("the note kept", driver -> ConsoleBrowsing.text(agent, "[role=status]")
                    .equals("Your note is kept with the complaint."));
            assertThat(ConsoleBrowsing.text(agent, "#notes")).contains("Joon Lee, internal: Same batch as last week's");

            Path notAPhoto = Files.writeString(files.resolve("invoice.png"), "not an image at all");
            agent.find(By.id("reply-text")).sendKeys("Here is what it should look like.");
            agent.find(By.id("reply-photo")).sendKeys(notAPhoto.toAbsolutePath().toString());
            agent.find(By.id("reply")).click();
            agent.await("the photo refused politely", driver -> ConsoleBrowsing.text(agent, "[role=alert]")
                    .startsWith("That photo cannot be sent"));

            Path photo = TestFiles.photo(files, "blender.png", "png");
            agent.find(By.id("reply-text")).sendKeys("Here is what it should look like.");
            agent.find(By.id("reply-photo")).sendKeys(photo.toAbsolutePath().toString());
            agent.find(By.id("reply")).click();
            agent.await("the answer sent", driver -> ConsoleBrowsing.text(agent, "[role=status]")
                    .equals("Your answer is on its way to the customer."));
            chat.awaitBotPhoto("Here is what it should look like.");

            agent.find(By.id("other-name")).sendKeys("FixIt Repairs");
            agent.find(By.id("other-contact")).sendKeys("02 8123 4567");
            agent.find(By.id("other-note")).sendKeys("repairs small kitchen machines");
            agent.find(By.id("refer-explanation")).sendKeys("We sell blenders but do not repair motors.");
            agent.screenshot("console-cant-help");
            agent.find(By.id("refer")).sendKeys(Keys.ENTER);
            agent.await("referred", driver -> ConsoleBrowsing.text(agent, "#status").equals("referred"));
            assertThat(ConsoleBrowsing.text(agent, "#done")).contains("Claimed by Joon Lee", "Internal note by Joon Lee",
                    "Answered by Joon Lee", "Referred elsewhere by Joon Lee");

            String told = chat.awaitBotContaining("FixIt Repairs");
            assertThat(told).contains(reference, "We sell blenders but do not repair motors.", "02 8123 4567",
                    "repairs small kitchen machines", "come back to us");
            assertThat(chat.awaitBotContaining("Here is what it should look like.")).doesNotContain("supplier");
            customer.screenshot("console-referral-in-web-chat");
            assertOnlyRefusedOnPurpose(agent, "/reply");
        }
    }

    @Test
    void aSupervisorReopensAndReassignsWhileAnAgentMayNot() {
        String description = "The toaster burns one side only.";
        new WebVisitor(shop.port()).openChat().fileComplaint("Product", description);
        var complaint = new AdminApi(shop.port()).complaintDescribed(description);
        String reference = complaint.get("reference").asText();
        String page = "/console/complaints/" + reference;
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(JOON, JOON_PASSWORD);
        ConsoleVisitor dana = new ConsoleVisitor(shop.port()).signIn(DANA, DANA_PASSWORD);

        assertThat(joon.submit(page, page + "/reassign", Map.of("staff", String.valueOf(joonId))).statusCode())
                .as("an agent not holding it").isEqualTo(403);
        assertThat(dana.submit(page, page + "/reassign", Map.of("staff", "999999")).statusCode()).isEqualTo(400);
        assertThat(dana.submit(page, page + "/reassign", Map.of("staff", String.valueOf(joonId))).statusCode())
                .isEqualTo(303);
        assertThat(joon.get(page).body()).contains("Dana Cruz handed it to Joon Lee");
        assertThat(joon.submit(page, page + "/resolve", Map.of("summary", "")).statusCode()).isEqualTo(303);

        assertThat(joon.submit(page, page + "/reopen", Map.of("reason", "not fixed")).statusCode()).isEqualTo(403);
        assertThat(dana.submit(page, page + "/reopen", Map.of("reason", "The customer wrote again")).statusCode())
                .isEqualTo(303);
        String reopened = dana.get(page).body();
        assertThat(reopened).contains("Reopened by Dana Cruz", "Resolved by Joon Lee");
        assertThat(dana.submit(page, page + "/reopen", Map.of()).statusCode()).as("an open one").isEqualTo(409);
        assertThat(dana.submit(page, page + "/note", Map.of("text", " ")).statusCode()).isEqualTo(400);
        assertThat(dana.submit(page, page + "/refer", Map.of("other-name", "Only a name")).statusCode())
                .isEqualTo(400);
        assertThat(dana.submit(page, page + "/note", Map.of("text", "The customer is a restaurant owner.")).statusCode())
                .isEqualTo(303);

        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(SORA, SORA_PASSWORD);
        assertThat(sora.get(page).statusCode()).isEqualTo(403);
        assertThat(sora.submit("/console/offers", page + "/note", Map.of("text", "a marketer's note")).statusCode())
                .isEqualTo(403);
        assertThat(sora.get("/console/customers/" + complaint.get("customerId").asLong()).body())
                .contains(reference).doesNotContain(description).doesNotContain("restaurant owner");
    }

    @Test
    void anAdminEditsTheFileAddsATagRecordsConsentAndMergesTwoFiles() {
        AdminApi api = new AdminApi(shop.port());
        AdminApi.ok(api.call("POST", "/api/customers/import", "text/csv", """
                display_name,phone,tags
                Hana Cho,+82 10 2222 3333,walk-in
                Hana Cho (old card),+82 10 2222 9999,loyalty-card
                """));
        try (Browser admin = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(admin, shop, ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
            admin.go(shop.url("/console/customers?q=2222-3333"));
            admin.find(By.linkText("Hana Cho")).click();
            admin.await("the file", driver -> ConsoleBrowsing.text(admin, "#customer-name").equals("Hana Cho"));
            ConsoleBrowsing.assertEveryInputHasALabel(admin);

            admin.find(By.id("edit-phone")).clear();
            admin.find(By.id("edit-phone")).sendKeys("call me maybe");
            admin.find(By.id("edit-birthday")).sendKeys("04-23");
            admin.find(By.id("save")).click();
            admin.await("the problem next to the phone", driver -> ConsoleBrowsing.text(admin, "#problem-phone")
                    .startsWith("A phone number has digits"));
            assertThat(admin.find(By.id("edit-birthday")).getAttribute("value")).isEqualTo("04-23");
            assertThat(admin.find(By.id("edit-phone")).getAttribute("aria-invalid")).isEqualTo("true");
            admin.screenshot("console-customer-form-problem");

            admin.find(By.id("edit-phone")).clear();
            admin.find(By.id("edit-phone")).sendKeys("+82 10 2222 3333");
            admin.find(By.id("edit-form_of_address")).sendKeys("Ms. Cho");
            new org.openqa.selenium.support.ui.Select(admin.find(By.id("edit-tier"))).selectByValue("high");
            admin.find(By.id("save")).click();
            admin.await("saved", driver -> ConsoleBrowsing.text(admin, "[role=status]").equals("The file is saved."));
            assertThat(ConsoleBrowsing.text(admin, "main")).contains("Ms. Cho", "04-23", "High");

            admin.find(By.id("new-tag")).sendKeys("VIP", Keys.ENTER);
            admin.await("tagged", driver -> ConsoleBrowsing.text(admin, "#tags").contains("#vip"));
            admin.find(By.id("consent-yes")).click();
            admin.await("consent recorded", driver -> ConsoleBrowsing.text(admin, "#consent")
                    .contains("console by Mina Park"));
            assertThat(ConsoleBrowsing.text(admin, "#consent")).startsWith("yes, since ");

            admin.find(By.id("merge")).click();
            admin.find(By.id("merge-q")).sendKeys("old card", Keys.ENTER);
            admin.await("the other file found", driver -> !driver.findElements(By.linkText("Hana Cho (old card)"))
                    .isEmpty());
            admin.find(By.linkText("Hana Cho (old card)")).click();
            admin.await("what moves", driver -> ConsoleBrowsing.text(admin, "#merge-absorbed")
                    .contains("loyalty-card"));
            assertThat(ConsoleBrowsing.text(admin, "#merge-survivor")).contains("Hana Cho", "vip");
            admin.screenshot("console-merge-confirm");
            admin.find(By.id("merge-confirm")).click();
            admin.await("merged", driver -> ConsoleBrowsing.text(admin, "[role=status]")
                    .equals("The two files are one now."));
            assertThat(ConsoleBrowsing.text(admin, "#tags")).contains("#vip", "#walk-in", "#loyalty-card");
            assertOnlyRefusedOnPurpose(admin, "/edit");
        }
        assertThat(new ConsoleVisitor(shop.port()).signIn(JOON, JOON_PASSWORD).get("/console/customers?q=old+card")
                .body()).contains("No customer matches.");
    }

    @Test
    void aCsvImportListsTheBadRowWithItsLineAndASearchExportsAsCsv() throws Exception {
        Path csv = Files.writeString(files.resolve("fair.csv"), """
                display_name,phone,language
                Marisol Reyes,+63 917 555 0101,tl
                Bong Santos,not a phone,tl
                Ligaya Cruz,+63 917 555 0303,tl
                """, StandardCharsets.UTF_8);
        try (Browser admin = Browser.open(Screen.PHONE)) {
            ConsoleBrowsing.signIn(admin, shop, ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
            admin.go(shop.url("/console/customers"));
            admin.find(By.id("import-link")).click();
            ConsoleBrowsing.assertEveryInputHasALabel(admin);
            admin.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            admin.find(By.id("import")).click();
            admin.await("the report", driver -> ConsoleBrowsing.text(admin, "#import-result")
                    .equals("2 created, 0 updated, 1 skipped."));
            assertThat(ConsoleBrowsing.text(admin, "#rejected tbody")).startsWith("3").contains("phone");
            admin.screenshot("console-csv-import");
            admin.assertNoConsoleErrors();
        }
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(SORA, SORA_PASSWORD);
        HttpResponse<String> exported = sora.get("/console/customers/export?q=Marisol&tag=&tier=");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(exported.body().lines().toList()).hasSize(2);
        assertThat(exported.body()).contains("Marisol Reyes").doesNotContain("Ligaya Cruz");
        assertThat(sora.get("/console/customers/import").statusCode()).as("a marketer").isEqualTo(403);
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(JOON, JOON_PASSWORD);
        assertThat(joon.get("/console/customers/import").statusCode()).as("an agent").isEqualTo(403);
        assertThat(joon.get("/console/customers/export?q=Marisol").statusCode()).as("an agent").isEqualTo(403);
    }

    @Test
    void aMarketerMayNotEditAFileAndNoChangeSkipsItsCsrfToken() {
        long customerId = AdminApi.ok(new AdminApi(shop.port()).call("POST", "/api/customers/import", "text/csv",
                "display_name\nNoel Garcia\n")).get("created").asLong() > 0
                ? new AdminApi(shop.port()).get("/api/customers?name=Noel").get("items").get(0).get("id").asLong() : -1;
        String file = "/console/customers/" + customerId;
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(SORA, SORA_PASSWORD);
        assertThat(sora.get(file).body()).doesNotContain("edit-form");
        assertThat(sora.submit(file, file + "/edit", Map.of("display_name", "Changed")).statusCode()).isEqualTo(403);
        assertThat(sora.submit(file, file + "/tags", Map.of("tag", "vip")).statusCode()).isEqualTo(403);
        assertThat(sora.submit(file, file + "/merge", Map.of("other", "1")).statusCode()).isEqualTo(403);
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(JOON, JOON_PASSWORD);
        assertThat(joon.post(file + "/tags", Map.of("tag", "forged")).statusCode()).isEqualTo(403);
        assertThat(joon.submit(file, file + "/tags", Map.of("tag", "no spaces? no!")).statusCode()).isEqualTo(400);
        assertThat(joon.submit(file, file + "/consent", Map.of("answer", "maybe")).statusCode()).isEqualTo(400);
        assertThat(joon.submit(file, file + "/merge", Map.of("other", "1")).statusCode()).as("an agent")
                .isEqualTo(403);
        assertThat(joon.submit(file, "/console/customers/999999/tags", Map.of("tag", "vip")).statusCode())
                .isEqualTo(404);
        assertThat(joon.get(file).body()).contains("Noel Garcia").doesNotContain("#forged");

        HttpResponse<String> twoProblems = joon.submit(file, file + "/edit", Map.of("display_name", "Noel Garcia",
                "language", "en", "tone", "formal", "phone", "ask at the desk", "email", "noel@example.com",
                "zone", "Mars/Olympus"));
        assertThat(twoProblems.statusCode()).isEqualTo(400);
        assertThat(twoProblems.body()).contains("id=\"problem-phone\"", "id=\"problem-zone\"", "noel@example.com")
                .doesNotContain("id=\"problem-email\"").doesNotContain("id=\"problem-display_name\"");
        assertThat(joon.submit(file, file + "/edit", Map.of("display_name", "Noel Garcia", "language", "ko",
                "tone", "friendly", "zone", "Asia/Manila", "birthday", "1990-02-28")).statusCode()).isEqualTo(303);
        assertThat(new AdminApi(shop.port()).get("/api/customers/" + customerId).toString())
                .contains("Asia/Manila", "1990-02-28", "\"language\":\"ko\"");
    }

    @Test
    void staffAtTheTillFindAnOfferCodeAndMarkItUsedOnce() {
        long customerId = AdminApi.ok(new AdminApi(shop.port()).call("POST", "/api/customers/import", "text/csv",
                "display_name,form_of_address\nRosa Lim,Ms. Lim\n")).get("created").asLong() > 0
                ? new AdminApi(shop.port()).get("/api/customers?name=Rosa").get("items").get(0).get("id").asLong() : -1;
        OfferCode code = new Offers(shop.bot.transactor(), new OfferCodeGenerator(new SecureRandom()),
                Clock.systemUTC()).issue(customerId, "birthday:2027", Duration.ofDays(30));
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(JOON, JOON_PASSWORD);
        String typed = code.code().toLowerCase().replace("-", "");

        HttpResponse<String> found = joon.get("/console/offers?code=" + typed);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(code.code(), "Ms. Lim", "birthday:2027", "Can be used", "id=\"redeem\"");
        HttpResponse<String> redeemed = joon.submit("/console/offers?code=" + typed, "/console/offers/redeem",
                Map.of("code", typed));
        assertThat(redeemed.statusCode()).isEqualTo(303);
        String after = joon.get(redeemed.headers().firstValue("Location").orElseThrow()).body();
        assertThat(after).contains("Marked as used.", "Used", "console by Joon Lee").doesNotContain("id=\"redeem\"");
        HttpResponse<String> again = joon.submit("/console/offers", "/console/offers/redeem", Map.of("code", typed));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already used", "console by Joon Lee");
        assertThat(joon.get("/console/offers?code=ZZZZ-ZZZZ").statusCode()).isEqualTo(404);
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(SORA, SORA_PASSWORD);
        assertThat(sora.get("/console/offers?code=" + typed).body()).contains("Ms. Lim");
    }

    /** The browser logs a page answered 400 as an error: the one form the test sent wrong on purpose, nothing else. */
    private static void assertOnlyRefusedOnPurpose(Browser browser, String action) {
        assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).contains(action + " - ")
                .contains("status of 400"));
    }
}
