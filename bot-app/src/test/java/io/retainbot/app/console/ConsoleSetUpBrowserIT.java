package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.config.AppConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A new shop owner sets up the console with the link printed at start-up, once. */
class ConsoleSetUpBrowserIT {

    @Test
    void theStartUpLinkCreatesTheFirstAdminOnceAndIsShownOnlyOnce() {
        Browser.requireInstalled();
        Map<String, String> env = AppTesting.externalDatabase();
        env.remove("ADMIN_TOKEN");
        List<String> links = new ArrayList<>();
        try (RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { },
                links::add); Browser browser = Browser.open(Screen.DESKTOP)) {
            assertThat(links).singleElement().asString()
                    .matches("http://localhost:" + bot.httpPort() + "/console/set-up\\?token=[A-Za-z0-9_-]{43}");

            browser.go("http://localhost:" + bot.httpPort() + "/console?lang=ko");
            browser.await("the set-up page", driver -> driver.getCurrentUrl().endsWith("/console/set-up"));
            assertThat(browser.find(By.id("token")).isDisplayed()).isTrue();
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as("the language chosen, kept")
                    .isEqualTo("ko");

            browser.go(links.get(0) + "&lang=en");
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            browser.find(By.id("name")).sendKeys("Mina Park");
            browser.find(By.id("login")).sendKeys("mina@shop.example");
            browser.find(By.id("password")).sendKeys("mina's long admin password");
            browser.screenshot("console-set-up");
            browser.find(By.cssSelector("button[type=submit]")).click();

            browser.await("the sign-in page", driver -> ConsoleBrowsing.text(browser, "h1").equals("Sign in"));
            assertThat(ConsoleBrowsing.text(browser, "[role=status]")).isEqualTo("The admin account for Mina Park is "
                    + "ready, and the set-up link no longer works. Sign in with it now; then add your colleagues under "
                    + "Staff accounts.");
            browser.find(By.id("password")).sendKeys("mina's long admin password");
            browser.find(By.cssSelector("button[type=submit]")).click();
            browser.await("signed in as admin", driver -> ConsoleBrowsing.text(browser, "header nav")
                    .contains("Staff accounts"));
            browser.assertNoConsoleErrors();

            browser.go(links.get(0));
            browser.await("the used link leads away from the set-up", driver -> !driver.getCurrentUrl().contains("/set-up"));
            assertThat(browser.findAll(By.id("token"))).isEmpty();
        }
    }
}
