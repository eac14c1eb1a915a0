package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.http.AdminApi;
import io.retainbot.app.http.WebVisitor;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Looking a customer up in the console and reading their file, as an agent and as a marketer. */
class ConsoleCustomersBrowserIT {
    private static final String DESCRIPTION = "The mug handle broke off on the first day.";

    private static ConsoleShop shop;
    private static long customerId;
    private static String reference;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        shop = ConsoleShop.start();
        shop.staffMember("Joon Lee", "agent", "joon@shop.example", "joon's long password");
        shop.staffMember("Sora Kim", "marketer", "sora@shop.example", "sora's long password");
        new WebVisitor(shop.port()).openChat().fileComplaint("Delivery", DESCRIPTION);
        AdminApi api = new AdminApi(shop.port());
        var complaint = api.complaintDescribed(DESCRIPTION);
        customerId = complaint.get("customerId").asLong();
        reference = complaint.get("reference").asText();
        AdminApi.ok(api.call("PATCH", "/api/customers/" + customerId,
                "{\"displayName\": \"Hana Cho\", \"phone\": \"+82 10 1234 5678\", \"tier\": \"high\"}"));
        AdminApi.ok(api.call("POST", "/api/customers/" + customerId + "/tags", "{\"tag\": \"mug-batch-7\"}"));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anAgentFindsACustomerByNameAndReadsTheirFile() {
        try (Browser browser = Browser.open(Screen.PHONE)) {
            ConsoleBrowsing.signIn(browser, shop, "joon@shop.example", "joon's long password");
            browser.find(By.linkText("Customers")).click();
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            browser.find(By.id("q")).sendKeys("hana", Keys.ENTER);
            browser.await("the customer found", driver -> driver.findElements(By.linkText("Hana Cho")).size() == 1);
            browser.screenshot("console-customers-search");
            browser.find(By.linkText("Hana Cho")).click();

            browser.await("the file", driver -> ConsoleBrowsing.text(browser, "#customer-name").equals("Hana Cho"));
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains("+82 10 1234 5678", "#mug-batch-7", "High", reference, DESCRIPTION, "web");
            assertThat(browser.find(By.id("consent")).getText()).startsWith("no, since ");
            assertThat(browser.find(By.id("history")).getText()).contains(DESCRIPTION);
            assertThat(browser.findAll(By.cssSelector("#complaints a[href='/console/complaints/" + reference + "']")))
                    .hasSize(1);
            browser.screenshot("console-customer-file");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void findsByPhoneDigitsTagAndTier() {
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn("joon@shop.example", "joon's long password");
        assertThat(joon.get("/console/customers?q=1234-5678").body()).contains("Hana Cho");
        assertThat(joon.get("/console/customers?tag=mug-batch-7").body()).contains("Hana Cho");
        assertThat(joon.get("/console/customers?tier=high").body()).contains("Hana Cho");
        assertThat(joon.get("/console/customers?tier=low").body()).doesNotContain("Hana Cho").contains("No customer matches.");
        assertThat(joon.get("/console/customers?tier=gold").statusCode()).isEqualTo(400);
        assertThat(joon.get("/console/customers/999999").statusCode()).isEqualTo(404);
        assertThat(joon.get("/console/customers/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void aMarketerReadsTheFileButNotTheComplaintsDescriptions() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn("sora@shop.example", "sora's long password");
        HttpResponse<String> file = sora.get("/console/customers/" + customerId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("Hana Cho", reference).doesNotContain(DESCRIPTION)
                .doesNotContain("/console/complaints/" + reference);
    }
}
