package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.web.ChatPage;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;

/** What the console's browser tests do alike: sign in, file a complaint in the web chat, read a part of the page, check the labels. */
final class ConsoleBrowsing {
    private static final Messages MESSAGES = Messages.builtIn();
    private static final BusinessConfig BUSINESS = BusinessConfig.defaults();

    private ConsoleBrowsing() {
    }

    static void signIn(Browser browser, ConsoleShop shop, String login, String password) {
        signIn(browser, shop.url(""), login, password);
    }

    /** Signs in on the console of the RetainBot at {@code base} (such as http://localhost:8080). */
    static void signIn(Browser browser, String base, String login, String password) {
        browser.go(base + "/console/sign-in");
        browser.find(By.id("login")).sendKeys(login);
        browser.find(By.id("password")).sendKeys(password, Keys.ENTER);
        browser.await("signed in", driver -> !driver.getCurrentUrl().endsWith("/sign-in"));
    }

    /**
     * Files a complaint in the web chat as a customer does (the first category, no order number), with a
     * photo when {@code photo} is not null; returns its reference.
     */
    static String fileAComplaint(ChatPage chat, String description, Path photo) {
        String category = BUSINESS.categories().get(0).label("en");
        chat.type("/complaint");
        chat.awaitBot(said("intake.category.ask"));
        chat.press(category);
        chat.awaitBot(said("intake.description.ask", "category", category));
        chat.type(description);
        chat.awaitBot(said("intake.order.ask"));
        chat.press(said("intake.button.skip").get(0));
        chat.awaitBot(said("intake.files.ask"));
        if (photo != null) {
            chat.attach(photo);
            chat.awaitBot(said("intake.files.received", "count", 1));
            chat.press(said("intake.button.done").get(0));
        } else {
            chat.press(said("intake.button.no_files").get(0));
        }
        chat.press(said("intake.button.confirm").get(0));
        return chat.awaitReference();
    }

    /** Opens the complaint from its line in the queue (the queue may swap the line while the test clicks). */
    static void openComplaint(Browser browser, String reference) {
        browser.await("the complaint opened", driver -> {
            try {
                driver.findElement(By.cssSelector("li[data-reference='" + reference + "'] a.complaint-link")).click();
                return true;
            } catch (StaleElementReferenceException swappedMeanwhile) {
                return false;
            }
        });
        browser.await("the complaint page", driver -> text(browser, "h1").startsWith(reference));
    }

    /** Answers the customer from the complaint's page and waits until the console says it is on its way. */
    static void answer(Browser browser, String answer) {
        browser.find(By.id("reply-text")).sendKeys(answer);
        browser.find(By.id("reply")).click();
        browser.await("the answer sent", driver -> text(browser, "[role=status]")
                .equals("Your answer is on its way to the customer."));
    }

    /**
     * Watches a broadcast's page until its progress bar says 100%; returns the percentages it showed on the
     * way (each change once).
     */
    static List<String> awaitRunDone(Browser browser, Duration within) {
        List<String> seen = new ArrayList<>();
        Await.until(() -> {
            String percent = text(browser, "#run-percent");
            if (!percent.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(percent))) {
                seen.add(percent);
            }
            return percent.startsWith("100%");
        }, within, () -> "progress seen: " + seen + ", page: " + text(browser, "#progress"));
        return seen;
    }

    /** What the bot says for {@code key} in English, in any tone. */
    static List<String> said(String key, Object... args) {
        return Stream.of(Tone.values()).map(tone -> MESSAGES.in("en", tone).get(key, args)).distinct().toList();
    }

    /**
     * The text of what {@code css} selects now, "" when nothing: read in one go, since pages are replaced
     * on navigation and the console swaps its live parts while a test looks.
     */
    static String text(Browser browser, String css) {
        Object text = browser.script("const found = document.querySelector(arguments[0]);"
                + " return found ? found.innerText.trim() : '';", css);
        return text == null ? "" : text.toString();
    }

    /** Every input a person fills in has a label that names it. */
    static void assertEveryInputHasALabel(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.script("""
                return [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
                  .filter(input => !(input.labels && input.labels.length && input.labels[0].textContent.trim()))
                  .map(input => input.name || input.id || input.outerHTML);
                """);
        assertThat(unlabelled).as("inputs without a label").isEmpty();
    }
}
