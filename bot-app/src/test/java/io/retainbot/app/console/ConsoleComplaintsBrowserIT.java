package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.web.ChatPage;
import io.retainbot.app.web.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** An agent works a complaint from the web chat in the console, in real headless Chromium windows on both sides. */
class ConsoleComplaintsBrowserIT {
    @TempDir
    static Path files;

    private static ConsoleShop shop;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled();
        shop = ConsoleShop.start();
        shop.staffMember("Joon Lee", "agent", "joon@shop.example", "joon's long password");
        shop.staffMember("Sora Kim", "marketer", "sora@shop.example", "sora's long password");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anAgentClaimsAndAnswersAComplaintFromTheWebChatAndTheCustomerSeesTheAnswer() {
        try (Browser agent = Browser.open(Screen.DESKTOP); Browser customer = Browser.open(Screen.PHONE)) {
            ConsoleBrowsing.signIn(agent, shop, "joon@shop.example", "joon's long password");
            agent.await("the queue", driver -> driver.getCurrentUrl().endsWith("/console/complaints"));

            ChatPage chat = new ChatPage(customer, shop.port()).open();
            String reference = ConsoleBrowsing.fileAComplaint(chat, "The kettle arrived with a cracked lid.",
                    TestFiles.photo(files, "kettle.png", "png"));

            String row = "ul[aria-labelledby=queue-unclaimed] li[data-reference='" + reference + "']";
            agent.await("the new complaint in the open queue, without a reload", driver -> !ConsoleBrowsing.text(agent, row).isEmpty());
            assertThat(ConsoleBrowsing.text(agent, row + " .countdown")).matches("(\\d+ d )?(\\d+ h )?\\d+ (h|min) left");
            assertThat(agent.script("return document.querySelector(arguments[0]).className", row + " .countdown"))
                    .asString().contains("stage-ok");
            assertThat(ConsoleBrowsing.text(agent, row)).contains("The kettle arrived with a cracked lid.");
            agent.screenshot("console-queue");

            ConsoleBrowsing.openComplaint(agent, reference);
            assertThat(agent.find(By.id("description")).getText()).isEqualTo("The kettle arrived with a cracked lid.");
            agent.await("the customer's photo, loaded", driver -> (Boolean) agent.script(
                    "const img = document.querySelector('.photos img'); return !!img && img.complete && img.naturalWidth > 0;"));
            assertThat(ConsoleBrowsing.text(agent, "#conversation")).contains("The kettle arrived with a cracked lid.");

            agent.find(By.id("claim")).click();
            agent.await("claimed", driver -> ConsoleBrowsing.text(agent, "#holder").equals("with Joon Lee"));
            assertThat(ConsoleBrowsing.text(agent, "[role=status]")).isEqualTo("You are handling this complaint now.");
            ConsoleBrowsing.assertEveryInputHasALabel(agent);

            String answer = "We are sorry about the lid. A new kettle goes out to you today.";
            ConsoleBrowsing.answer(agent, answer);

            assertThat(chat.awaitBotContaining(answer)).contains(reference);
            chat.type("Thank you, that is kind");
            agent.await("the customer's answer, without a reload", driver -> ConsoleBrowsing.text(agent, "#conversation")
                    .contains("Thank you, that is kind"));
            agent.screenshot("console-complaint");

            agent.find(By.id("resolve-summary")).sendKeys("A new kettle was sent.");
            agent.find(By.id("resolve")).click();
            agent.await("resolved", driver -> ConsoleBrowsing.text(agent, "#status").equals("resolved"));
            assertThat(chat.awaitBotContaining("A new kettle was sent.")).contains(reference);
            agent.await("the notes name who wrote them", driver -> ConsoleBrowsing.text(agent, "#notes")
                    .contains("Joon Lee: " + answer));
            assertThat(ConsoleBrowsing.text(agent, "#notes")).contains("Joon Lee: A new kettle was sent.")
                    .doesNotContain("Staff:");
            customer.screenshot("console-answer-in-web-chat");
            agent.assertNoConsoleErrors();
        }
    }

    @Test
    void aMarketerIsRefusedTheComplaintPages() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn("sora@shop.example", "sora's long password");
        String csrf = ConsoleVisitor.csrfOf(sora.get("/console/account").body());

        assertThat(sora.get("/console").headers().firstValue("Location")).hasValue("/console/broadcasts");
        for (String path : List.of("/console/complaints", "/console/complaints/queue", "/console/complaints/C-1",
                "/console/complaints/C-1/live", "/console/complaints/C-1/files/1")) {
            assertThat(sora.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(sora.post("/console/complaints/C-1/claim", Map.of("csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(sora.get("/console/account").body()).doesNotContain("/console/complaints");
    }

    @Test
    void anUnknownComplaintIsNotFoundAndAnAnswerWithoutTheCsrfTokenIsRefused() {
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
        assertThat(joon.get("/console/complaints/C-999999").statusCode()).isEqualTo(404);
        assertThat(joon.get("/console/complaints/nonsense").statusCode()).isEqualTo(404);
        assertThat(joon.post("/console/complaints/C-1/reply", Map.of("text", "forged")).statusCode()).isEqualTo(403);
    }
}
