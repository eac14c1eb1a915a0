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
import io.retainbot.core.testing.Await;
import io.retainbot.telegram.FakeBotApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The marketing pages in Chromium: a marketer saves a segment (seeing its audience counted as the filters
 * change), writes a template and previews it for a customer, sets up a membership-day broadcast to the
 * segment, and watches its progress bar reach 100% while the run sends to Telegram customers on a local
 * fake Bot API; an agent is refused the marketing pages; the forms are labelled and work from the keyboard.
 */
class ConsoleMarketingBrowserIT {
    private static final int MEMBERS = 40;
    private static final String TEXT = "Dear {name}, our membership day is {membershipDay}. See you at the shop!";

    private static FakeBotApi telegram;
    private static ShiftedClock clock;
    private static ConsoleShop shop;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        shop = ConsoleShop.withTelegramTeam(Map.of());
        telegram = shop.telegram();
        clock = shop.clock();
        // members on Telegram who agreed to greetings (with birthdays, so nobody is asked for one), and
        // three customers outside the segment
        StringBuilder csv = new StringBuilder("display_name,language,birthday,tags,consent,consent_source,identities\n");
        for (int member = 1; member <= MEMBERS; member++) {
            csv.append(member == 1 ? "Hana Cho" : "Member " + member).append(",en,03-21,members,yes,shop form,telegram:")
                    .append(chatOf(member)).append('\n');
        }
        for (int other = 1; other <= 3; other++) {
            csv.append("Walk-in ").append(other).append(",en,05-01,walk-in,yes,shop form,telegram:")
                    .append(chatOf(100 + other)).append('\n');
        }
        HttpResponse<String> imported = new AdminApi(shop.port()).call("POST", "/api/customers/import", "text/csv",
                csv.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    private static String chatOf(int customer) {
        return String.valueOf(7_100_000_000L + customer);
    }

    @Test
    void aMarketerSendsAMembershipDayToASegmentAndWatchesTheProgressBarReachAHundredPercent() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(browser, shop, MARKETER, MARKETER_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/broadcasts");

            // a segment, its audience counted while the filters change
            browser.find(By.linkText("Segments")).click();
            browser.await("the segment form", driver -> !driver.findElements(By.id("segment-name")).isEmpty());
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            Await.until(() -> ConsoleBrowsing.text(browser, "#audience").equals((MEMBERS + 3) + " customers"),
                    Duration.ofSeconds(20), () -> "everyone counted: " + ConsoleBrowsing.text(browser, "#audience"));
            browser.find(By.id("any-tags")).sendKeys("members");
            Await.until(() -> ConsoleBrowsing.text(browser, "#audience").equals(MEMBERS + " customers"),
                    Duration.ofSeconds(20), () -> "the members counted: " + ConsoleBrowsing.text(browser, "#audience")
                            + " " + browser.consoleErrors() + " " + browser.screenshot("debug-members"));
            browser.find(By.id("segment-name")).sendKeys("Members on Telegram", Keys.ENTER);
            browser.await("the segment saved", driver -> ConsoleBrowsing.text(browser, "[role=status]")
                    .equals("The segment is saved."));
            browser.await("its audience in the list", driver -> ConsoleBrowsing.text(browser, "#segments")
                    .contains(MEMBERS + " customers"));
            browser.screenshot("console-marketing-segments");

            // a template, previewed for a customer
            browser.find(By.linkText("Templates")).click();
            browser.await("the template form", driver -> !driver.findElements(By.id("template-name")).isEmpty());
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            browser.find(By.id("template-name")).sendKeys("Membership day invitation");
            new Select(browser.find(By.id("default-language"))).selectByValue("en");
            browser.find(By.id("text-en-formal")).sendKeys(TEXT);
            browser.find(By.id("save-template")).click();
            browser.await("the template saved", driver -> ConsoleBrowsing.text(browser, "#template-name")
                    .equals("Membership day invitation"));
            browser.find(By.id("preview-customer")).sendKeys("Hana");
            browser.script("document.getElementById('preview-day').value = '2026-12-05';");
            browser.find(By.id("show-preview")).click();
            browser.await("the preview", driver -> ConsoleBrowsing.text(browser, "#preview").contains("Dear Hana Cho,"));
            assertThat(ConsoleBrowsing.text(browser, "#preview")).contains("As Hana Cho");
            browser.screenshot("console-marketing-template-preview");

            // the membership day, sent to the segment
            browser.find(By.linkText("Greetings")).click();
            browser.await("the membership-day form", driver -> !driver.findElements(By.id("membership-name")).isEmpty());
            ConsoleBrowsing.assertEveryInputHasALabel(browser);
            assertThat(browser.find(By.id("broadcast-rule")).getAttribute("value"))
                    .isEqualTo("first Saturday of every month at 10:00");
            new Select(browser.find(By.id("segment"))).selectByVisibleText("Members on Telegram");
            new Select(browser.find(By.id("template"))).selectByVisibleText("Membership day invitation");
            browser.find(By.id("save-membership-day")).click();
            browser.await("the broadcast page", driver -> ConsoleBrowsing.text(browser, "#broadcast-name")
                    .equals("Membership day"));
            assertThat(ConsoleBrowsing.text(browser, "#broadcast-status")).isEqualTo("active");
            assertThat(ConsoleBrowsing.text(browser, "#progress")).startsWith("No run yet");
            String page = browser.driver().getCurrentUrl();

            // the day comes: the clock moves to a few seconds before the next occurrence
            long broadcastId = Long.parseLong(page.replaceAll(".*/console/broadcasts/(\\d+).*", "$1"));
            JsonNode broadcast = new AdminApi(shop.port()).get("/api/broadcasts/" + broadcastId).get("broadcast");
            LocalDateTime next = LocalDateTime.parse(broadcast.get("nextOccurrence").asText());
            assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
            assertThat(next.getDayOfMonth()).isLessThanOrEqualTo(7);
            clock.jumpTo(next.toInstant(ZoneOffset.UTC).minusSeconds(3));

            // the session ended meanwhile (weeks went by): sign in again and watch the page
            ConsoleBrowsing.signIn(browser, shop, MARKETER, MARKETER_PASSWORD);
            browser.go(page);
            ConsoleBrowsing.awaitRunDone(browser, Duration.ofSeconds(90));
            assertThat(ConsoleBrowsing.text(browser, "#run-percent")).isEqualTo("100% done (40 of 40)");
            assertThat(ConsoleBrowsing.text(browser, "#count-sent")).isEqualTo(String.valueOf(MEMBERS));
            assertThat(ConsoleBrowsing.text(browser, "#count-failed")).isEqualTo("0");
            assertThat(ConsoleBrowsing.text(browser, "#count-remaining")).isEqualTo("0");
            assertThat(browser.find(By.id("run-progress")).getAttribute("value")).isEqualTo("100");
            browser.screenshot("console-marketing-broadcast-progress");

            // each member got it once on Telegram, nobody else did
            for (int member = 1; member <= MEMBERS; member++) {
                assertThat(telegram.sentTo(chatOf(member)).stream().filter(call -> call.text().contains("membership day"))
                        .count()).as("member " + member).isEqualTo(1);
            }
            for (int other = 1; other <= 3; other++) {
                assertThat(telegram.sentTo(chatOf(100 + other))).as("walk-in " + other)
                        .noneMatch(call -> call.text().contains("membership day"));
            }

            // who did what
            browser.find(By.linkText("Changes")).click();
            browser.await("the changes", driver -> ConsoleBrowsing.text(browser, "#changes")
                    .contains("Sora Kim created the segment \"Members on Telegram\""));
            assertThat(ConsoleBrowsing.text(browser, "#changes"))
                    .contains("Sora Kim created the template \"Membership day invitation\"",
                            "Sora Kim created the broadcast \"Membership day\"");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void anAgentIsRefusedTheMarketingPagesPolitely() {
        try (Browser browser = Browser.open(Screen.PHONE)) {
            ConsoleBrowsing.signIn(browser, shop, AGENT, AGENT_PASSWORD);
            assertThat(browser.findAll(By.linkText("Marketing"))).isEmpty();
            browser.go(shop.url("/console/segments"));
            browser.await("the refusal", driver -> ConsoleBrowsing.text(browser, "h1").equals("Not for your role"));
            browser.screenshot("console-marketing-refused-to-an-agent");
        }
        ConsoleVisitor joon = new ConsoleVisitor(shop.port()).signIn(AGENT, AGENT_PASSWORD);
        String csrf = ConsoleVisitor.csrfOf(joon.get("/console/account").body());
        for (String path : List.of("/console/marketing", "/console/segments", "/console/templates", "/console/templates/1",
                "/console/broadcasts", "/console/broadcasts/1", "/console/broadcasts/1/progress", "/console/greetings",
                "/console/exit-reasons", "/console/outreach-changes", "/console/segments/1/count")) {
            assertThat(joon.get(path).statusCode()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/console/segments", "/console/segments/count", "/console/templates",
                "/console/broadcasts", "/console/broadcasts/1/pause", "/console/greetings/birthday")) {
            assertThat(joon.post(path, Map.of("csrf", csrf, "name", "forbidden")).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void refusesAFormWithoutTheCsrfTokenAndSaysWhatIsWrongWithABadOne() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(MARKETER, MARKETER_PASSWORD);
        assertThat(sora.post("/console/segments", Map.of("name", "Forged")).statusCode()).isEqualTo(403);

        HttpResponse<String> badTag = sora.submit("/console/segments", "/console/segments",
                Map.of("name", "Bad", "anyTags", "no/slashes"));
        assertThat(badTag.statusCode()).isEqualTo(400);
        assertThat(badTag.body()).contains("is not a tag").contains("value=\"Bad\"");

        HttpResponse<String> badRule = sora.submit("/console/broadcasts", "/console/broadcasts",
                Map.of("name", "Nonsense", "segment", "1", "template", "1", "when", "rule", "rule", "whenever"));
        assertThat(badRule.statusCode()).isEqualTo(400);

        HttpResponse<String> count = sora.submit("/console/segments", "/console/segments/count",
                Map.of("birthdayMonths", "13"));
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("is not one of the choices");

        assertThat(sora.get("/console/broadcasts/999999").statusCode()).isEqualTo(404);
        assertThat(sora.get("/console/templates/nonsense").statusCode()).isEqualTo(404);
        assertThat(sora.get("/console/segments?lang=ko").body()).contains("세그먼트", "새 세그먼트");
        assertThat(sora.get("/console/exit-reasons?lang=tl").body()).contains("lang=\"tl\"", "Mga dahilan ng pag-alis");
    }

    @Test
    void refusesImpossibleSegmentsAndMistypedPlaceholdersInTheMarketersLanguage() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(MARKETER, MARKETER_PASSWORD);
        HttpResponse<String> backwards = sora.submit("/console/segments", "/console/segments",
                Map.of("name", "Nobody", "lastContactAfter", "2026-12-01", "lastContactBefore", "2026-01-01"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The last contact dates do not overlap", "2026-12-01", "value=\"Nobody\"")
                .doesNotContain("lastContactAfter must");
        HttpResponse<String> bothWays = sora.submit("/console/segments", "/console/segments",
                Map.of("name", "Nobody", "allTags", "members", "noTags", "members"));
        assertThat(bothWays.statusCode()).isEqualTo(400);
        assertThat(bothWays.body()).contains("The tag members is both under").doesNotContain("allTags and noTags");

        assertThat(sora.get("/console/templates?lang=ko").statusCode()).isEqualTo(200);
        HttpResponse<String> since = sora.submit("/console/segments", "/console/segments",
                Map.of("name", "Nobody", "customerSinceAfter", "2026-12-01", "customerSinceBefore", "2026-12-01"));
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("고객이 된 날짜 범위가 맞지 않습니다").doesNotContain("customerSinceAfter must");
        HttpResponse<String> mistyped = sora.submit("/console/templates", "/console/templates",
                Map.of("name", "회원의 날", "purpose", "marketing", "defaultLanguage", "ko",
                        "text_ko_formal", "{nmae}님, 회원의 날 쿠폰을 드립니다."));
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("{nmae}는 쓸 수 있는 자리 표시자가 아닙니다", "회원의 날");
        HttpResponse<String> noDays = sora.submit("/console/templates", "/console/templates",
                Map.of("name", "회원의 날", "purpose", "marketing", "defaultLanguage", "ko",
                        "text_ko_formal", "{name}님, 회원의 날 쿠폰 {offerCode}를 드립니다."));
        assertThat(noDays.statusCode()).isEqualTo(400);
        assertThat(noDays.body()).contains("혜택 코드의 유효 기간(일)을 입력해 주세요").doesNotContain("offerValidDays:");
    }

    @Test
    void saysWhoWaitsForTheEndOfTheirQuietHoursAndWhenTheFirstGoes() {
        // a customer for whom it is 23:00 now: marketing waits for 09:00 their time
        String zone = zoneWhereItIsNow(23);
        AdminApi api = new AdminApi(shop.port());
        AdminApi.ok(api.call("POST", "/api/customers/import", "text/csv",
                "display_name,language,time_zone,birthday,tags,consent,consent_source,identities\n"
                        + "Night Owl,en," + zone + ",07-07,night-owl,yes,shop form,telegram:" + chatOf(200) + "\n"));
        long segment = AdminApi.ok(api.call("POST", "/api/segments",
                "{\"name\": \"Night owls\", \"filter\": {\"anyTags\": [\"night-owl\"]}}"), 201).get("id").asLong();
        long template = AdminApi.ok(api.call("POST", "/api/templates", """
                {"name": "Late news", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "tone": "formal", "body": "Good morning, {name}!"}]}"""), 201)
                .get("id").asLong();
        long broadcast = AdminApi.ok(api.call("POST", "/api/broadcasts", "{\"name\": \"Late news\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 201)
                .get("id").asLong();

        AtomicReference<JsonNode> started = new AtomicReference<>();
        Await.until(() -> {
            JsonNode runs = api.get("/api/broadcasts/" + broadcast).get("runs");
            started.set(runs.isEmpty() ? null : runs.get(0).get("progress"));
            return started.get() != null && started.get().get("total").asLong() == 1
                    && (started.get().get("waiting").asLong() > 0 || started.get().get("pending").asLong() == 0);
        }, Duration.ofSeconds(30), () -> "the run held or sent its message: " + started.get());
        JsonNode progress = started.get();
        java.time.Instant nineTheirTime = java.time.Instant.parse(progress.get("nextSend").asText());
        assertThat(progress.get("waiting").asLong()).isEqualTo(1);
        assertThat(progress.get("sent").asLong()).isZero();
        assertThat(nineTheirTime.atZone(java.time.ZoneId.of(zone)).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));

        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(MARKETER, MARKETER_PASSWORD);
        String page = sora.get("/console/broadcasts/" + broadcast + "?lang=en").body();
        assertThat(page).contains("Waiting for their time", "1 customer waits for a later time (their quiet hours");
        assertThat(sora.get("/console/broadcasts/" + broadcast + "?lang=ko").body()).contains("발송 시각 대기", "1명이 더 늦은 시각을");
        AdminApi.ok(api.call("POST", "/api/broadcasts/" + broadcast + "/cancel", "{}"));
    }

    @Test
    void aOneOffBroadcastReadsActiveWithCancelWhileItsRunWaitsAndFinishedWithoutCancelOnceSent() {
        AdminApi api = new AdminApi(shop.port());
        AdminApi.ok(api.call("POST", "/api/customers/import", "text/csv",
                "display_name,language,time_zone,birthday,tags,consent,consent_source,identities\n"
                        + "Late Reader,en," + zoneWhereItIsNow(23) + ",07-08,late-reader,yes,shop form,telegram:"
                        + chatOf(201) + "\n"
                        + "Day Reader,en," + zoneWhereItIsNow(12) + ",07-09,day-reader,yes,shop form,telegram:"
                        + chatOf(202) + "\n"));
        long template = AdminApi.ok(api.call("POST", "/api/templates", """
                {"name": "Reading news", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "tone": "formal", "body": "New books are in, {name}!"}]}"""), 201)
                .get("id").asLong();
        long waiting = oneOff(api, "Reading news (late)", "late-reader", template);
        long sent = oneOff(api, "Reading news (day)", "day-reader", template);
        Await.until(() -> api.get("/api/broadcasts/" + waiting).get("runs").findValues("waiting").stream()
                .anyMatch(count -> count.asLong() == 1), Duration.ofSeconds(30), () -> "the late reader waits");
        Await.until(() -> api.get("/api/broadcasts/" + sent).get("broadcast").get("status").asText().equals("finished"),
                Duration.ofSeconds(30), () -> "the day reader's broadcast finished: " + api.get("/api/broadcasts/" + sent));

        assertThat(api.get("/api/broadcasts/" + waiting).get("broadcast").get("status").asText()).isEqualTo("active");
        HttpResponse<String> cancelFinished = api.call("POST", "/api/broadcasts/" + sent + "/cancel", "{}");
        assertThat(cancelFinished.statusCode()).isEqualTo(409);
        assertThat(cancelFinished.body()).contains("the broadcast is finished");
        assertThat(api.get("/api/broadcasts/" + sent).get("broadcast").get("status").asText()).isEqualTo("finished");
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(browser, shop, MARKETER, MARKETER_PASSWORD);
            browser.go(shop.url("/console/broadcasts/" + sent + "?lang=en"));
            browser.await("the finished broadcast", driver -> ConsoleBrowsing.text(browser, "#broadcast-name")
                    .equals("Reading news (day)"));
            assertThat(ConsoleBrowsing.text(browser, "#broadcast-status")).isEqualTo("finished");
            assertThat(browser.driver().findElements(By.cssSelector("#cancel, #pause, #resume"))).isEmpty();

            browser.go(shop.url("/console/broadcasts/" + waiting + "?lang=en"));
            browser.await("the waiting broadcast", driver -> ConsoleBrowsing.text(browser, "#broadcast-name")
                    .equals("Reading news (late)"));
            assertThat(ConsoleBrowsing.text(browser, "#broadcast-status")).isEqualTo("active");
            browser.screenshot("console-marketing-one-off-waiting");
            browser.find(By.id("cancel")).click();
            browser.await("the broadcast cancelled", driver -> ConsoleBrowsing.text(browser, "#broadcast-status")
                    .equals("cancelled"));
            assertThat(browser.driver().findElements(By.cssSelector("#cancel, #pause, #resume"))).isEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    /** A one-off broadcast, sent now, to the customers tagged {@code tag}. */
    private static long oneOff(AdminApi api, String name, String tag, long template) {
        long segment = AdminApi.ok(api.call("POST", "/api/segments", "{\"name\": \"" + name + "\", \"filter\": "
                + "{\"anyTags\": [\"" + tag + "\"]}}"), 201).get("id").asLong();
        return AdminApi.ok(api.call("POST", "/api/broadcasts", "{\"name\": \"" + name + "\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"at\": \"now\"}}"), 201)
                .get("id").asLong();
    }

    /** A fixed-offset zone where the shop's clock reads {@code hour} o'clock now. */
    private static String zoneWhereItIsNow(int hour) {
        int utcHour = clock.instant().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    @Test
    void setsUpBirthdayGreetingsAndPausesResumesAndCancelsABroadcastRecordingWhoDidIt() {
        ConsoleVisitor sora = new ConsoleVisitor(shop.port()).signIn(MARKETER, MARKETER_PASSWORD);
        AdminApi api = new AdminApi(shop.port());
        assertThat(sora.submit("/console/segments", "/console/segments", Map.of("name", "Regulars",
                "anyTags", "members")).statusCode()).isEqualTo(303);
        long segment = 0;
        for (JsonNode found : api.get("/api/segments").get("items")) {
            if (found.get("name").asText().equals("Regulars")) {
                segment = found.get("id").asLong();
            }
        }
        HttpResponse<String> template = sora.submit("/console/templates", "/console/templates", Map.of(
                "name", "Birthday wish", "defaultLanguage", "en", "text_en_formal", "Happy birthday, {name}!"));
        assertThat(template.statusCode()).isEqualTo(303);
        String templateId = template.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/console/templates/(\\d+).*", "$1");

        assertThat(sora.submit("/console/greetings", "/console/greetings/birthday", Map.of("enabled", "yes",
                "template", templateId, "at", "09:30")).statusCode()).isEqualTo(303);
        JsonNode birthday = api.get("/api/greetings").get("birthday").get("broadcast");
        assertThat(birthday.get("status").asText()).isEqualTo("active");
        assertThat(birthday.get("schedule").get("rule").asText()).contains("09:30");
        assertThat(sora.get("/console/greetings").body()).contains("value=\"09:30\"");

        String at = java.time.LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(10)), ZoneOffset.UTC)
                .withSecond(0).withNano(0).toString();
        HttpResponse<String> created = sora.submit("/console/broadcasts", "/console/broadcasts", Map.of(
                "name", "Winter sale", "segment", String.valueOf(segment), "template", templateId, "when", "at", "at", at));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        String csrf = ConsoleVisitor.csrfOf(sora.get(page).body());
        assertThat(sora.post(page + "/pause", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(sora.get(page).body()).contains("paused", "id=\"resume\"");
        assertThat(sora.post(page + "/resume", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(sora.post(page + "/cancel", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(sora.get(page).body()).contains("cancelled").doesNotContain("id=\"pause\"");
        HttpResponse<String> pauseCancelled = sora.post(page + "/pause", Map.of("csrf", csrf));
        assertThat(pauseCancelled.statusCode()).isEqualTo(409);
        assertThat(pauseCancelled.body()).contains("A cancelled broadcast cannot be paused.");
        HttpResponse<String> deleteUsed = sora.post("/console/segments/" + segment + "/delete", Map.of("csrf", csrf));
        assertThat(deleteUsed.statusCode()).isEqualTo(409);
        assertThat(deleteUsed.body()).contains("This segment is used by a broadcast.");

        String changes = sora.get("/console/outreach-changes").body().replace("&#34;", "\"").replace("&quot;", "\"");
        assertThat(changes).contains("Sora Kim created the birthday greetings \"Birthday greetings\"",
                "Sora Kim paused the broadcast \"Winter sale\"", "Sora Kim resumed the broadcast \"Winter sale\"",
                "Sora Kim cancelled the broadcast \"Winter sale\"");
    }

    @Test
    void theMarketingFormsWorkFromTheKeyboard() {
        try (Browser browser = Browser.open(Screen.DESKTOP)) {
            ConsoleBrowsing.signIn(browser, shop, MARKETER, MARKETER_PASSWORD);
            browser.go(shop.url("/console/segments"));
            browser.await("the segment form", driver -> !driver.findElements(By.id("segment-name")).isEmpty());
            WebElement name = browser.find(By.id("segment-name"));
            name.click();
            name.sendKeys("Walk-ins", Keys.TAB, "walk-in");
            browser.await("the walk-ins counted", driver -> ConsoleBrowsing.text(browser, "#audience").equals("3 customers"));
            Object focused = browser.script("return document.activeElement.id;");
            assertThat(focused).isEqualTo("any-tags");
            browser.find(By.id("any-tags")).sendKeys(Keys.ENTER);
            browser.await("saved from the keyboard", driver -> ConsoleBrowsing.text(browser, "[role=status]")
                    .equals("The segment is saved."));
            browser.assertNoConsoleErrors();
        }
    }
}
