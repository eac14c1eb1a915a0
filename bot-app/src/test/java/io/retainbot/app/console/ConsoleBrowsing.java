package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.web.ChatPage;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** What the console's browser tests do alike: sign in, read a part of the page, check the labels. */
final class ConsoleBrowsing {
    private ConsoleBrowsing() {
    }

    static void signIn(Browser browser, ConsoleShop shop, String login, String password) {
        browser.go(shop.url("/console/sign-in"));
        browser.find(By.id("login")).sendKeys(login);
        browser.find(By.id("password")).sendKeys(password, Keys.ENTER);
        browser.await("signed in", driver -> !driver.getCurrentUrl().endsWith("/sign-in"));
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

    /** Files a complaint in the web chat, in the first category, with {@code photo} (or none when null); its reference. */
    static String fileAComplaint(ChatPage chat, String description, Path photo) {
        String category = BusinessConfig.defaults().categories().get(0).label("en");
        chat.type("/complaint");
        chat.awaitBot(said("intake.category.ask"));
        chat.press(category);
        chat.awaitBot(said("intake.description.ask", "category", category));
        chat.type(description);
        chat.awaitBot(said("intake.order.ask"));
        chat.press(said("intake.button.skip").get(0));
        chat.awaitBot(said("intake.files.ask"));
        if (photo == null) {
            chat.press(said("intake.button.no_files").get(0));
        } else {
            chat.attach(photo);
            chat.awaitBot(said("intake.files.received", "count", 1));
            chat.press(said("intake.button.done").get(0));
        }
        chat.press(said("intake.button.confirm").get(0));
        return chat.awaitReference();
    }

    /** What the bot says for {@code key} in English, in either tone. */
    static List<String> said(String key, Object... args) {
        Messages messages = Messages.builtIn();
        return Stream.of(Tone.values()).map(tone -> messages.in("en", tone).get(key, args)).distinct().toList();
    }
}
