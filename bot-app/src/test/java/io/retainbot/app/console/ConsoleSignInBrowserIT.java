package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Signing in to the console in a real headless Chromium: labels, keyboard, wrong passwords, forged forms, roles. */
class ConsoleSignInBrowserIT {
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
    void aWrongPasswordIsRefusedWithAMessageAndTheRightOneSignsIn() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            browser.go(shop.url("/console"));
            browser.await("the sign-in page", driver -> driver.getCurrentUrl().endsWith("/console/sign-in"));
            browser.find(By.id("login")).sendKeys("joon@shop.example");
            browser.find(By.id("password")).sendKeys("not joon's password");
            browser.find(By.cssSelector("button[type=submit]")).click();

            WebElement error = browser.await("the refusal", driver -> driver.findElements(By.cssSelector("[role=alert]"))
                    .stream().findFirst().orElse(null));
            assertThat(error.getText()).isEqualTo(
                    "That email or name and password do not match an active account.");
            assertThat(browser.find(By.id("login")).getAttribute("value")).isEqualTo("joon@shop.example");
            browser.screenshot("console-sign-in-wrong-password");
            assertThat(browser.consoleErrors()).singleElement().asString().contains("/console/sign-in", "401");

            browser.find(By.id("password")).sendKeys("joon's long password");
            browser.find(By.cssSelector("button[type=submit]")).click();
            browser.await("signed in", driver -> driver.getCurrentUrl().contains("/console/")
                    && !driver.getCurrentUrl().endsWith("/sign-in"));
            assertThat(ConsoleBrowsing.text(browser, "header nav")).contains("Joon Lee", "Sign out");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theSignInFormIsLabelledAndWorksWithTheKeyboardAlone() {
        try (Browser browser = Browser.open(Screen.PHONE)) {
            browser.go(shop.url("/console/sign-in"));
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("login");

            browser.driver().switchTo().activeElement().sendKeys("Joon Lee");
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("password");
            browser.driver().switchTo().activeElement().sendKeys("joon's long password");
            browser.screenshot("console-sign-in-phone");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

            browser.await("signed in by keyboard", driver -> !driver.getCurrentUrl().endsWith("/sign-in"));
            assertThat(ConsoleBrowsing.text(browser, "header nav")).contains("Joon Lee");
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theSignInPageSpeaksKoreanToAKoreanBrowser() {
        try (Browser browser = Browser.open(Screen.PHONE, "ko-KR")) {
            browser.go(shop.url("/console/sign-in"));
            assertThat(browser.find(By.cssSelector("label[for=login]")).getText()).isEqualTo("이메일 또는 이름");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
            browser.screenshot("console-sign-in-ko");
        }
    }

    @Test
    void aFormForgedWithoutTheCsrfTokenIsRefused() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            signIn(browser, "joon@shop.example", "joon's long password");
            browser.script("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/console/account/password';
                    for (const [name, value] of [['current', "joon's long password"], ['password', 'taken over now!']]) {
                      const input = document.createElement('input');
                      input.type = 'hidden'; input.name = name; input.value = value;
                      form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();
                    """);
            browser.await("the refusal page", driver -> ConsoleBrowsing.text(browser, "h1").equals("Refused"));
            browser.screenshot("console-forged-form-refused");
        }
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
        Map<String, String> change = Map.of("current", "joon's long password", "password", "taken over now!");
        assertThat(joon.post("/console/account/password", change).statusCode()).isEqualTo(403);
        assertThat(joon.post("/console/account/password", with(change, "csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(new ConsoleVisitor(shop.port()).post("/console/sign-in",
                Map.of("login", "joon@shop.example", "password", "joon's long password")).statusCode()).isEqualTo(403);
        // the password did not change
        new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
    }

    @Test
    void aLanguageChosenInTheAddressStaysThroughTheRedirectsToSignIn() {
        ConsoleVisitor visitor = new ConsoleVisitor(shop.port());

        HttpResponse<String> home = visitor.get("/console?lang=ko");
        HttpResponse<String> staff = new ConsoleVisitor(shop.port()).get("/console/staff?lang=tl");

        assertThat(home.headers().firstValue("Location")).hasValue("/console/sign-in");
        assertThat(visitor.get("/console/sign-in").body()).contains("<html lang=\"ko\"", "이메일 또는 이름");
        assertThat(staff.headers().firstValue("Location")).hasValue("/console/sign-in");
        assertThat(staff.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.contains("=tl"));
    }

    @Test
    void onlyAnAdminOpensTheStaffAccounts() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn("sora@shop.example", "sora's long password");
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
        ConsoleVisitor mina = new ConsoleVisitor(shop.port()).signIn(ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);

        assertThat(sora.get("/console/staff").statusCode()).isEqualTo(403);
        assertThat(joon.get("/console/staff").statusCode()).isEqualTo(403);
        HttpResponse<String> staff = mina.get("/console/staff");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("joon@shop.example", "sora@shop.example", "sign-in set: joon@shop.example");
        assertThat(mina.get("/console/staff?lang=ko").body()).as("the changes in the reader's language")
                .contains("로그인 설정: joon@shop.example").doesNotContain("sign-in set:");
        assertThat(new ConsoleVisitor(shop.port()).get("/console/staff").headers().firstValue("Location"))
                .hasValue("/console/sign-in");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
        assertThat(joon.get("/console/account").statusCode()).isEqualTo(200);
        assertThat(joon.submit("/console/account", "/console/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(joon.get("/console/account").statusCode()).isEqualTo(302);
    }

    private static void signIn(Browser browser, String login, String password) {
        ConsoleBrowsing.signIn(browser, shop, login, password);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }
}
