package io.retainbot.app.console;

import static io.retainbot.app.console.ConsoleShop.AGENT;
import static io.retainbot.app.console.ConsoleShop.AGENT_PASSWORD;
import static io.retainbot.app.console.ConsoleShop.MARKETER;
import static io.retainbot.app.console.ConsoleShop.MARKETER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.http.AdminApi;
import io.retainbot.app.http.WebVisitor;
import io.retainbot.core.testing.Await;
import io.retainbot.telegram.FakeBotApi;
import io.retainbot.telegram.Updates;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The service report page in Chromium, over two weeks of a shop's work: three complaints from the web chat
 * (two about delivery, one about a product) answered and one resolved, and a broadcast with offer codes to
 * Telegram customers on a local fake Bot API, one code redeemed and one customer leaving with /stop. The
 * charts draw the report's numbers, each chart's CSV holds the numbers the REST API gives, the category
 * filter narrows them, each role sees its charts, bad dates are a form problem and an empty period says so.
 */
class ConsoleReportBrowserIT {
    private static final Pattern CODE = Pattern.compile("your code is ([A-Z0-9-]+)");
    private static final int MEMBERS = 3;
    private static final long FIRST_CHAT = 7_300_000_000L;

    private static FakeBotApi telegram;
    private static ShiftedClock clock;
    private static ConsoleShop shop;
    private static AdminApi api;
    private static LocalDate first;
    private static LocalDate last;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        shop = ConsoleShop.withTelegramTeam(Map.of("MARKETING_QUIET_HOURS", "off"));
        telegram = shop.telegram();
        clock = shop.clock();
        api = new AdminApi(shop.port());
        first = today();

        // the first week: a late parcel answered after two hours and resolved an hour later, a leaking kettle
        // answered after three
        new WebVisitor(shop.port()).openChat().fileComplaint("Delivery", "The parcel came a week late.");
        new WebVisitor(shop.port()).openChat().fileComplaint("Product", "The kettle leaks.");
        jump(Duration.ofHours(2));
        answer("The parcel came a week late.", "We are sorry; the courier has been told.");
        jump(Duration.ofHours(1));
        AdminApi.ok(api.call("POST", "/api/complaints/" + reference("The parcel came a week late.") + "/resolve", ""));
        answer("The kettle leaks.", "A new kettle is on its way.");
        // the next week: another late parcel, answered after half an hour; and a broadcast with offer codes
        jump(Duration.ofDays(7));
        new WebVisitor(shop.port()).openChat().fileComplaint("Delivery", "The second parcel is late too.");
        jump(Duration.ofMinutes(30));
        answer("The second parcel is late too.", "It arrives tomorrow morning.");
        sendOffersAndRedeemOneAndLoseOneMember();
        last = today();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anAdminSeesEveryChartDrawnAndDownloadsTheNumbersTheApiGives() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(browser, shop, ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
            browser.find(By.linkText("Report")).click();
            browser.await("the report page", driver -> ConsoleBrowsing.text(browser, "h1").equals("Service report"));
            browser.go(shop.url("/console/report?from=" + first + "&to=" + last));
            List<String> drawn = awaitCharts(browser, 7);
            assertThat(drawn).containsExactlyInAnyOrder("first-response", "resolution", "promises", "categories",
                    "broadcasts", "offers", "satisfaction");
            browser.screenshot("console-report-admin");
            browser.assertNoConsoleErrors();

            JsonNode service = api.get("/api/reports/service?from=" + first + "&to=" + last.plusDays(1));
            // what the chart draws is the API's median first response of each week, in hours
            List<Double> medians = new ArrayList<>();
            service.get("byWeek").forEach(week -> medians.add(hours(week.get("firstResponse").get("medianSeconds"))));
            assertThat(medians).hasSizeGreaterThanOrEqualTo(2).filteredOn(java.util.Objects::nonNull).hasSize(2);
            assertThat(dataset(browser, "first-response", 0)).containsExactlyElementsOf(medians);
            assertThat(dataset(browser, "categories", 0)).containsExactly(2.0, 1.0);
        }

        ConsoleVisitor mina = new ConsoleVisitor(shop.port()).signIn(ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
        String range = "?from=" + first + "&to=" + last;
        JsonNode service = api.get("/api/reports/service?from=" + first + "&to=" + last.plusDays(1));
        HttpResponse<String> firstResponse = mina.get("/console/report/csv/first-response" + range);
        assertThat(firstResponse.statusCode()).isEqualTo(200);
        assertThat(firstResponse.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(firstResponse.headers().firstValue("Content-Disposition").orElse("")).isEqualTo(
                "attachment; filename=\"retainbot-first-response-" + first + "-to-" + last + ".csv\"");
        List<List<String>> rows = csv(firstResponse.body());
        assertThat(rows.get(0)).containsExactly("week", "median_seconds", "p90_seconds");
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(perWeek(service.get("byWeek"),
                week -> List.of(text(week.get("firstResponse").get("medianSeconds")),
                        text(week.get("firstResponse").get("p90Seconds")))));

        List<List<String>> resolution = csv(mina.get("/console/report/csv/resolution" + range).body());
        assertThat(resolution.subList(1, resolution.size())).containsExactlyElementsOf(perWeek(service.get("byWeek"),
                week -> List.of(text(week.get("resolution").get("medianSeconds")),
                        text(week.get("resolution").get("p90Seconds")))));
        List<List<String>> promises = csv(mina.get("/console/report/csv/promises" + range).body());
        assertThat(promises.subList(1, promises.size())).containsExactlyElementsOf(perWeek(service.get("byWeek"),
                week -> List.of(text(week.get("promises").get("due")), text(week.get("promises").get("kept")))));

        List<List<String>> categories = csv(mina.get("/console/report/csv/categories" + range).body());
        assertThat(categories).containsExactly(List.of("category", "label", "complaints", "resolved", "referred"),
                List.of("delivery", "Delivery", "2", "1", "0"), List.of("product", "Product", "1", "0", "0"));
        List<List<String>> apiCategories = new ArrayList<>();
        service.get("byCategory").forEach(row -> apiCategories.add(List.of(row.get("category").asText(),
                row.get("label").asText(), text(row.get("complaints")), text(row.get("resolved")),
                text(row.get("referred")))));
        assertThat(categories.subList(1, categories.size())).containsExactlyElementsOf(apiCategories);

        JsonNode outreach = api.get("/api/reports/outreach?from=" + first + "&to=" + last.plusDays(1));
        List<List<String>> broadcasts = csv(mina.get("/console/report/csv/broadcasts" + range).body());
        assertThat(broadcasts.get(0)).containsExactly("week", "sent", "opt_outs");
        assertThat(broadcasts.subList(1, broadcasts.size())).containsExactlyElementsOf(perWeek(outreach.get("byWeek"),
                week -> List.of(text(week.get("sent")), text(week.get("optOuts")))));
        assertThat(broadcasts.get(broadcasts.size() - 1)).containsExactly(last.with(java.time.DayOfWeek.MONDAY).toString(),
                String.valueOf(MEMBERS), "1");
        List<List<String>> offers = csv(mina.get("/console/report/csv/offers" + range).body());
        assertThat(offers.subList(1, offers.size())).containsExactlyElementsOf(perWeek(outreach.get("byWeek"),
                week -> List.of(text(week.get("offersSent")), text(week.get("offersRedeemed")))));
        assertThat(offers.get(offers.size() - 1)).containsExactly(last.with(java.time.DayOfWeek.MONDAY).toString(),
                String.valueOf(MEMBERS), "1");
    }

    @Test
    void theCategoryFilterNarrowsTheComplaintChartsAndWorksFromTheKeyboard() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(browser, shop, ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
            browser.go(shop.url("/console/report?from=" + first + "&to=" + last));
            awaitCharts(browser, 7);
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            new Select(browser.find(By.id("report-category"))).selectByVisibleText("Product");
            browser.find(By.id("report-category")).sendKeys(Keys.TAB);
            assertThat(browser.script("return document.activeElement.id;")).isEqualTo("show-report");
            browser.find(By.id("show-report")).sendKeys(Keys.ENTER);
            browser.await("the product's report", driver -> driver.getCurrentUrl().contains("category=product"));
            awaitCharts(browser, 7);
            assertThat(dataset(browser, "categories", 0)).containsExactly(1.0);
            // the numbers beside the chart open from the keyboard
            browser.find(By.cssSelector("#chart-categories summary")).sendKeys(Keys.ENTER);
            browser.await("the numbers shown", driver -> (Boolean) browser.script(
                    "return document.querySelector('#chart-categories details').open;"));
            assertThat(ConsoleBrowsing.text(browser, "#chart-categories table")).contains("Product")
                    .doesNotContain("Delivery");
            assertThat(ConsoleBrowsing.text(browser, "#report-outreach ~ p"))
                    .contains("the category applies to the complaint charts only");
            // every chart's download link is reachable from the keyboard and keeps the filter
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) browser.script(
                    "return [...document.querySelectorAll('a.csv')].map(a => a.getAttribute('href'));");
            assertThat(links).hasSize(7).allMatch(link -> link.contains("category=product"));
            browser.screenshot("console-report-product");
            browser.assertNoConsoleErrors();
        }

        ConsoleVisitor mina = new ConsoleVisitor(shop.port()).signIn(ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
        JsonNode product = api.get("/api/reports/service?from=" + first + "&to=" + last.plusDays(1)
                + "&category=product");
        assertThat(product.get("overall").get("complaints").asLong()).isEqualTo(1);
        HttpResponse<String> download = mina.get("/console/report/csv/first-response?from=" + first + "&to=" + last
                + "&category=product");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .endsWith("-to-" + last + "-product.csv\"");
        List<List<String>> rows = csv(download.body());
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(perWeek(product.get("byWeek"),
                week -> List.of(text(week.get("firstResponse").get("medianSeconds")),
                        text(week.get("firstResponse").get("p90Seconds")))));
        JsonNode all = api.get("/api/reports/service?from=" + first + "&to=" + last.plusDays(1));
        assertThat(rows.get(1).get(1)).isNotEqualTo(text(all.get("byWeek").get(0).get("firstResponse")
                .get("medianSeconds")));
        assertThat(csv(mina.get("/console/report/csv/categories?from=" + first + "&to=" + last + "&category=product")
                .body())).containsExactly(List.of("category", "label", "complaints", "resolved", "referred"),
                List.of("product", "Product", "1", "0", "0"));
    }

    @Test
    void anAgentSeesTheComplaintChartsAndAMarketerTheOutreachCharts() {
        try (Browser agent = Browser.open(Screen.DESKTOP); Browser marketer = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(agent, shop, AGENT, AGENT_PASSWORD);
            agent.go(shop.url("/console/report?from=" + first + "&to=" + last));
            assertThat(awaitCharts(agent, 5)).containsExactlyInAnyOrder("first-response", "resolution", "promises",
                    "categories", "satisfaction");
            assertThat(agent.findAll(By.id("chart-broadcasts"))).isEmpty();
            agent.screenshot("console-report-agent");

            ConsoleBrowsing.signIn(marketer, shop, MARKETER, MARKETER_PASSWORD);
            marketer.find(By.linkText("Report")).click();
            marketer.await("the report page", driver -> ConsoleBrowsing.text(marketer, "h1").equals("Service report"));
            marketer.go(shop.url("/console/report?from=" + first + "&to=" + last));
            assertThat(awaitCharts(marketer, 2)).containsExactlyInAnyOrder("broadcasts", "offers");
            assertThat(marketer.findAll(By.id("chart-first-response"))).isEmpty();
            assertThat(marketer.findAll(By.id("report-category"))).isEmpty();
            marketer.screenshot("console-report-marketer");
        }
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(AGENT, AGENT_PASSWORD);
        assertThat(joon.get("/console/report/csv/broadcasts").statusCode()).isEqualTo(403);
        assertThat(joon.get("/console/report/csv/first-response").statusCode()).isEqualTo(200);
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(MARKETER, MARKETER_PASSWORD);
        assertThat(sora.get("/console/report/csv/categories").statusCode()).isEqualTo(403);
        assertThat(sora.get("/console/report/csv/offers").statusCode()).isEqualTo(200);
        assertThat(sora.get("/console/report/csv/nonsense").statusCode()).isEqualTo(404);
        assertThat(new ConsoleVisitor(shop.port()).get("/console/report/csv/offers").statusCode()).isEqualTo(302);
    }

    @Test
    void anEmptyPeriodSaysThereIsNoDataAndBadDatesAreAFormProblem() {
        try (Browser browser = Browser.open(Screen.PHONE)) {
            ConsoleBrowsing.signIn(browser, shop, ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
            browser.go(shop.url("/console/report?from=2025-01-06&to=2025-01-19"));
            browser.await("the empty report", driver -> !driver.findElements(By.id("report-range")).isEmpty());
            assertThat(browser.findAll(By.cssSelector(".no-data"))).hasSize(7)
                    .allMatch(note -> note.getText().equals("No data in this period."));
            assertThat(browser.findAll(By.cssSelector("canvas"))).isEmpty();
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .isEqualTo(true);
            browser.screenshot("console-report-empty-phone");

            browser.go(shop.url("/console/report?from=" + first + "&to=" + last));
            awaitCharts(browser, 7);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("the charts fit a phone's width").isEqualTo(true);
            browser.screenshot("console-report-phone");
            browser.assertNoConsoleErrors();

            browser.go(shop.url("/console/report?from=2026-02-30&to=" + last));
            browser.await("the form problem", driver -> !ConsoleBrowsing.text(browser, "#form-error").isEmpty());
            assertThat(ConsoleBrowsing.text(browser, "#form-error")).isEqualTo(
                    "From: please give a date such as 2026-11-01.");
            assertThat(browser.findAll(By.cssSelector("figure.chart"))).isEmpty();
            assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 400");
        }
        ConsoleVisitor mina = new ConsoleVisitor(shop.port()).signIn(ConsoleShop.ADMIN_LOGIN, ConsoleShop.ADMIN_PASSWORD);
        HttpResponse<String> backwards = mina.get("/console/report?from=2026-12-01&to=2026-11-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The start date must not be after the end date.");
        assertThat(mina.get("/console/report?from=2020-01-01&to=2026-11-01").body()).contains("at most 732 days");
        assertThat(mina.get("/console/report?category=%3Cscript%3E").body()).contains("There is no such category")
                .doesNotContain("<script>");
        assertThat(mina.get("/console/report/csv/offers?to=yesterday").statusCode()).isEqualTo(400);
        assertThat(csv(mina.get("/console/report/csv/broadcasts?from=2025-01-06&to=2025-01-19").body()))
                .containsExactly(List.of("week", "sent", "opt_outs"), List.of("2025-01-06", "0", "0"),
                        List.of("2025-01-13", "0", "0"));
        assertThat(mina.get("/console/report?lang=ko").body()).contains("서비스 보고서", "주별 첫 응답 시간");
        assertThat(mina.get("/console/report?lang=tl").body()).contains("Ulat ng serbisyo");
    }

    // ---- the shop's two weeks ----

    private static void jump(Duration ahead) {
        clock.jumpTo(clock.instant().plus(ahead));
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String reference(String description) {
        return api.complaintDescribed(description).get("reference").asText();
    }

    private static void answer(String description, String text) {
        AdminApi.ok(api.call("POST", "/api/complaints/" + reference(description) + "/reply",
                "{\"text\": \"" + text + "\"}"));
    }

    /** Three members get a personal offer code on Telegram; one redeems it, one sends /stop. */
    private static void sendOffersAndRedeemOneAndLoseOneMember() {
        ConsoleShop.importMembers(shop.port(), MEMBERS, FIRST_CHAT);
        long segment = AdminApi.ok(api.call("POST", "/api/segments",
                "{\"name\": \"Members\", \"filter\": {\"anyTags\": [\"members\"]}}"), 201).get("id").asLong();
        long template = AdminApi.ok(api.call("POST", "/api/templates", """
                {"name": "Winter perk", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "tone": "formal", "body": "Dear {name}, your code is {offerCode}."}],
                 "offerValidDays": 30}"""), 201).get("id").asLong();
        AdminApi.ok(api.call("POST", "/api/broadcasts", "{\"name\": \"Winter perk\", \"segmentId\": " + segment
                + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 201);
        for (int member = 1; member <= MEMBERS; member++) {
            String chat = chatOf(member);
            Await.until(() -> offerCode(chat) != null, Duration.ofSeconds(60),
                    () -> "the offer to " + chat + ": " + telegram.sentTo(chat));
        }
        AdminApi.ok(api.call("POST", "/api/offers/" + offerCode(chatOf(1)) + "/redeem", "{\"redeemedBy\": \"till 1\"}"));
        telegram.push(Updates.text(1, Long.parseLong(chatOf(MEMBERS)), "Member", "en", "/stop"));
        Await.until(() -> week(api.get("/api/reports/outreach?from=" + first + "&to=" + today().plusDays(1)))
                .map(thisWeek -> thisWeek.get("optOuts").asLong() == 1 && thisWeek.get("sent").asLong() == MEMBERS)
                .orElse(false), Duration.ofSeconds(60), () -> "the opt-out and the sends counted: "
                + api.get("/api/reports/outreach"));
    }

    private static String offerCode(String chat) {
        return telegram.sentTo(chat).stream().map(FakeBotApi.Call::text).filter(java.util.Objects::nonNull)
                .map(CODE::matcher).filter(Matcher::find).map(found -> found.group(1)).findFirst().orElse(null);
    }

    private static java.util.Optional<JsonNode> week(JsonNode outreach) {
        JsonNode weeks = outreach.get("byWeek");
        return weeks.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(weeks.get(weeks.size() - 1));
    }

    private static String chatOf(int member) {
        return String.valueOf(FIRST_CHAT + member);
    }

    // ---- reading the page and the downloads ----

    /**
     * Waits until the page has {@code count} charts, each drawn with data (Chart.js holds points, and its
     * canvas has pixels) or saying it has none; returns their ids.
     */
    @SuppressWarnings("unchecked")
    private static List<String> awaitCharts(Browser browser, int count) {
        return browser.await(count + " charts drawn", driver -> {
            List<String> drawn = (List<String>) browser.script("""
                    if (typeof Chart === 'undefined') { return []; }
                    return [...document.querySelectorAll('figure.chart')].filter(figure => {
                      const canvas = figure.querySelector('canvas');
                      if (!canvas) { return figure.querySelector('.no-data') !== null; }
                      const chart = Chart.getChart(canvas);
                      if (!chart || chart.getDatasetMeta(0).data.length === 0) { return false; }
                      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                      for (let alpha = 3; alpha < pixels.length; alpha += 4) { if (pixels[alpha]) { return true; } }
                      return false;
                    }).map(figure => figure.id.replace('chart-', ''));
                    """);
            return drawn.size() == count && count == browser.findAll(By.cssSelector("figure.chart")).size()
                    ? drawn : null;
        });
    }

    /** The values a chart draws in its {@code index}th series, as Chart.js holds them. */
    private static List<Double> dataset(Browser browser, String chart, int index) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) browser.script("return Chart.getChart(document.querySelector("
                + "'#chart-' + arguments[0] + ' canvas')).data.datasets[arguments[1]].data;", chart, index);
        return values.stream().map(value -> value == null ? null : ((Number) value).doubleValue()).toList();
    }

    private static Double hours(JsonNode seconds) {
        return seconds.isNull() ? null : Math.round(seconds.asLong() / 3600.0 * 10) / 10.0;
    }

    private static List<List<String>> perWeek(JsonNode weeks, java.util.function.Function<JsonNode, List<String>> values) {
        List<List<String>> rows = new ArrayList<>();
        weeks.forEach(week -> {
            List<String> row = new ArrayList<>(List.of(week.get("week").asText()));
            row.addAll(values.apply(week));
            rows.add(row);
        });
        return rows;
    }

    private static String text(JsonNode number) {
        return number == null || number.isNull() ? "" : number.asText();
    }

    /** Our CSV's lines and cells (the labels here hold no commas or quotes). */
    private static List<List<String>> csv(String body) {
        assertThat(body).endsWith("\r\n");
        return Arrays.stream(body.split("\r\n")).map(line -> Arrays.asList(line.split(",", -1))).toList();
    }

}
