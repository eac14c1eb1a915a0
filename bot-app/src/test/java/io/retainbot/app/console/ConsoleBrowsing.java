package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import java.util.List;
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
}
