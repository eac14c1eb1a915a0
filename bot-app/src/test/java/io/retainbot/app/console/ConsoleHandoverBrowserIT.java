package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.web.ChatPage;
import io.retainbot.app.web.TestFiles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * A shop with the web chat and the console alone keeps its promise of a person: the customer asks on the chat
 * page, a staff member sees the request in the console (with a count in the menu), takes it, both write to each
 * other and see it on their pages without reloading, a colleague who was a moment late is told politely who has
 * it and reads along, and the conversation is handed back to the bot.
 */
class ConsoleHandoverBrowserIT {
    private static final String JOON = "joon@shop.example";
    private static final String JOON_PASSWORD = "joon's long password";
    private static final String ANA = "ana@shop.example";
    private static final String ANA_PASSWORD = "ana's long password";

    private static ConsoleShop shop;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        shop = ConsoleShop.start();
        shop.staffMember("Joon Lee", "agent", JOON, JOON_PASSWORD);
        shop.staffMember("Ana Reyes", "agent", ANA, ANA_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @TempDir
    Path files;

    @Test
    void aWebChatCustomerAndAStaffMemberTalkThroughTheConsoleUntilItIsHandedBack() {
        try (Browser customer = Browser.open(Screen.PHONE); Browser joon = Browser.open(Screen.DESKTOP);
             Browser ana = Browser.open(Screen.DESKTOP)) {
            ChatPage chat = new ChatPage(customer, shop.port()).open();
            chat.type("/human");
            chat.awaitBotContaining("A member of the team, a person, will answer you here");
            chat.type("My new phone case cracked on the first day.");
            chat.awaitBotContaining("I have kept this for my colleague");

            ConsoleBrowsing.signIn(joon, shop, JOON, JOON_PASSWORD);
            joon.await("the menu counts one request", driver -> ConsoleBrowsing.text(joon, "#handover-count").equals("1"));
            joon.find(By.id("nav-handovers")).click();
            joon.await("the request listed with what the customer wrote", driver -> ConsoleBrowsing.text(joon,
                    "#handovers").contains("Last wrote: My new phone case cracked on the first day."));
            assertThat(ConsoleBrowsing.text(joon, "#handovers-waiting")).startsWith("Waiting for a person");
            assertThat(ConsoleBrowsing.text(joon, "#handovers li.row .countdown")).matches(".*(left|overdue by).*");
            openRequest(joon);
            String page = joon.driver().getCurrentUrl();
            assertThat(ConsoleBrowsing.text(joon, "#conversation")).contains("My new phone case cracked on the first day.");

            // Ana opens the same request a moment later, before Joon takes it
            ConsoleBrowsing.signIn(ana, shop, ANA, ANA_PASSWORD);
            ana.go(page);
            ana.await("the take button", driver -> !ana.findAll(By.id("take")).isEmpty());

            joon.find(By.id("take")).click();
            joon.await("taken", driver -> ConsoleBrowsing.text(joon, "[role=status]")
                    .equals("You have the conversation now; the customer has been told that you answer."));
            // customers know the person by the first name; colleagues see the full name
            chat.awaitBotContaining("Joon from RetainBot Demo Shop has taken over");
            joon.await("no request waits any more", driver -> ConsoleBrowsing.text(joon, "#handover-count").isEmpty());

            ana.find(By.id("take")).click();
            ana.await("told who has it", driver -> ConsoleBrowsing.text(ana, "[role=alert]")
                    .equals("Joon Lee has already taken this conversation."));
            assertThat(ConsoleBrowsing.text(ana, "#read-only"))
                    .isEqualTo("Joon Lee is talking with this customer. You can read along.");
            assertThat(ana.findAll(By.id("reply-text"))).isEmpty();

            ConsoleBrowsing.assertEveryInputHasALabel(joon);
            joon.find(By.id("reply-text")).sendKeys("I am sorry about the case. Could you tell me the order number?");
            joon.find(By.id("reply")).click();
            joon.await("sent", driver -> ConsoleBrowsing.text(joon, "[role=status]")
                    .equals("Your message is on its way to the customer."));
            chat.awaitBotContaining("Joon (RetainBot Demo Shop): I am sorry about the case. Could you tell me the "
                    + "order number?");

            chat.type("It is order 7731, bought on Monday.");
            joon.await("the customer's answer appears without reloading", driver ->
                    ConsoleBrowsing.text(joon, "#conversation").contains("It is order 7731, bought on Monday."));
            ana.await("the colleague reads along", driver ->
                    ConsoleBrowsing.text(ana, "#conversation").contains("It is order 7731, bought on Monday."));
            // the person's words in their own bubble, under their name, not as the bot's
            assertThat(ConsoleBrowsing.text(joon, "#conversation li.staff")).startsWith("Joon Lee wrote")
                    .contains("I am sorry about the case. Could you tell me the order number?")
                    .doesNotContain("(RetainBot Demo Shop)");
            assertThat(joon.findAll(By.cssSelector("#conversation li.outbound:not(.staff)"))).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.getText()).startsWith("The bot"));
            assertThat(chat.awaitBotContaining("Joon (RetainBot")).doesNotContain("order 7731");

            // a long message reads in full, and photos of both sides show as images
            String longStory = "The case split along the side where the camera is, " + "and the corner chipped off too; "
                    .repeat(8) + "that is the whole story.";
            chat.type(longStory);
            joon.await("the long message in full", driver -> ConsoleBrowsing.text(joon, "#conversation")
                    .contains(longStory));
            chat.attach(TestFiles.photo(files, "cracked-case.png", "png"));
            joon.await("the customer's photo shown", driver -> loadedPhotos(joon, "#conversation li.inbound") == 1);
            joon.find(By.id("reply-text")).sendKeys("Is this the model you have?");
            joon.find(By.id("reply-photo")).sendKeys(TestFiles.photo(files, "model.png", "png").toAbsolutePath()
                    .toString());
            joon.find(By.id("reply")).click();
            chat.awaitBotPhoto("Is this the model you have?");
            joon.await("the person's photo shown", driver -> loadedPhotos(joon, "#conversation li.staff") == 1);
            ana.await("the colleague sees both photos", driver -> loadedPhotos(ana, "#conversation") == 2);
            String staffPhoto = (String) joon.script(
                    "return document.querySelector('#conversation li.staff img').getAttribute('src');");

            // the conversation keeps its newest line in view, unless the reader scrolled up to read
            assertThat((Boolean) joon.script("var list = document.getElementById('conversation');"
                    + " return list.scrollHeight > list.clientHeight + 100;")).as("the conversation overflows").isTrue();
            chat.type("Shall I send it back to you?");
            joon.await("the newest line in view", driver -> ConsoleBrowsing.text(joon, "#conversation")
                    .contains("Shall I send it back to you?") && showsNewest(joon));
            joon.script("var list = document.getElementById('conversation'); list.scrollTop = 0;"
                    + " list.dispatchEvent(new Event('scroll'));");
            chat.type("Or do you need more photos?");
            joon.await("the new line arrived", driver -> ConsoleBrowsing.text(joon, "#conversation")
                    .contains("Or do you need more photos?"));
            assertThat(((Number) joon.script("return document.getElementById('conversation').scrollTop;")).intValue())
                    .as("still where the reader scrolled to").isLessThan(30);
            joon.script("var list = document.getElementById('conversation'); list.scrollTop = list.scrollHeight;"
                    + " list.dispatchEvent(new Event('scroll'));");
            chat.type("Thank you for your patience.");
            joon.await("back at the newest line, it follows again", driver -> ConsoleBrowsing.text(joon,
                    "#conversation").contains("Thank you for your patience.") && showsNewest(joon));
            joon.screenshot("console-handover-talk");
            customer.screenshot("chat-handover-talk");

            joon.find(By.id("close")).click();
            joon.await("handed back", driver -> ConsoleBrowsing.text(joon, "[role=status]")
                    .equals("The conversation is the bot's again; the customer has been told."));
            chat.awaitBotContaining("Joon from RetainBot Demo Shop has handed the conversation back to me, the bot.");
            assertThat(ConsoleBrowsing.text(joon, "#over"))
                    .isEqualTo("This conversation is over; the bot answers the customer again.");
            joon.go(shop.url("/console/handovers"));
            joon.await("the list is empty again", driver -> ConsoleBrowsing.text(joon, "#handovers-empty")
                    .equals("Nobody is asking for a person. New requests appear here by themselves."));

            joon.assertNoConsoleErrors();
            customer.assertNoConsoleErrors();

            // the photos are for signed-in staff only, and only the photos of the conversation
            HttpResponse<String> anonymous = new ConsoleVisitor(shop.port()).get(staffPhoto);
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).hasValue("/console/sign-in");
            joon.go(shop.url(staffPhoto));
            joon.await("the photo itself", driver -> (Boolean) joon.script(
                    "return document.images.length === 1 && document.images[0].naturalWidth > 0;"));
            joon.go(shop.url(staffPhoto.replaceAll("/photos/0$", "/photos/1")));
            joon.await("no such photo", driver -> ConsoleBrowsing.text(joon, "h1").equals("Not found"));
            assertThat(ConsoleBrowsing.text(joon, "main")).contains("This photo is not kept any more, or there is no "
                    + "such photo in this conversation.");
        }
    }

    /** How many photos in the lines matching {@code lines} the browser has loaded. */
    private static long loadedPhotos(Browser browser, String lines) {
        return ((Number) browser.script("return Array.from(document.querySelectorAll(arguments[0] + ' img'))"
                + ".filter(image => image.complete && image.naturalWidth > 0).length;", lines)).longValue();
    }

    /** Whether the conversation shows its newest line. */
    private static boolean showsNewest(Browser browser) {
        return (Boolean) browser.script("var list = document.getElementById('conversation');"
                + " return list.scrollHeight - list.scrollTop - list.clientHeight <= 30;");
    }

    /** Opens the one request from its line (the list may swap the line while the test clicks). */
    private static void openRequest(Browser browser) {
        browser.await("the request opened", driver -> {
            try {
                driver.findElement(By.cssSelector("#handovers li.row a.handover-link")).click();
                return true;
            } catch (StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
        browser.await("the request's page", driver -> ConsoleBrowsing.text(browser, "h1").startsWith("Talk with"));
    }
}
