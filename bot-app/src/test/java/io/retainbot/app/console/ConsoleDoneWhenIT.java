package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.AppTesting;
import io.retainbot.app.JarProcess;
import io.retainbot.app.StartedJars;
import io.retainbot.app.browser.Browser;
import io.retainbot.app.browser.Browser.Screen;
import io.retainbot.app.web.ChatPage;
import io.retainbot.core.testing.Await;
import io.retainbot.telegram.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14's "done when" in one scenario, on the embedded default: the real jar ({@code java -jar}, its own
 * embedded PostgreSQL with its data under {@code target/}), Telegram on a local fake Bot API. A new shop owner
 * follows the one-time set-up link printed at start-up and signs in; sees a complaint that came in through the
 * web chat (a second Chromium as the customer), answers it, and the customer reads the answer in the chat;
 * sends a membership-day broadcast to the shop's Telegram members and watches its progress bar reach 100%;
 * opens the service report and its charts draw.
 */
class ConsoleDoneWhenIT {
    private static final Path DATA = Path.of("target", "console-done-when", "data");
    private static final Pattern SET_UP = Pattern.compile(
            "Console set-up \\(works once, until the first admin exists\\): (http://localhost:\\d+/console/set-up\\?token=\\S+)");
    private static final String OWNER = "hana@shop.example";
    private static final String OWNER_PASSWORD = "hana's long shop password";
    private static final int MEMBERS = 5;
    private static final long FIRST_CHAT = 7_400_000_000L;

    @RegisterExtension
    final StartedJars jars = new StartedJars();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private JarProcess jar;

    @Test
    void aNewShopOwnerAnswersAWebChatComplaintSendsAMembershipDayAndReadsTheReport() throws Exception {
        Browser.requireInstalled();
        FakeBotApi telegram = open(new FakeBotApi());
        jar = startTheJar(jars, telegram);
        String base = "http://localhost:" + jar.httpPort();
        Await.until(() -> setUpLink() != null, Duration.ofSeconds(30), () -> "no set-up link printed");
        String setUpLink = setUpLink();
        // the shop's member list, imported once through the REST API: members on Telegram who agreed to offers
        ConsoleShop.importMembers(jar.httpPort(), MEMBERS, FIRST_CHAT);

        Browser owner = open(Browser.open(Screen.DESKTOP));
        Browser customer = open(Browser.open(Screen.PHONE));

        // the set-up link printed at start-up: the shop owner becomes the first admin and signs in
        owner.go(setUpLink);
        ConsoleBrowsing.assertEveryInputHasALabel(owner);
        owner.find(By.id("name")).sendKeys("Hana Cho");
        owner.find(By.id("login")).sendKeys(OWNER);
        owner.find(By.id("password")).sendKeys(OWNER_PASSWORD, Keys.ENTER);
        owner.await("the sign-in page", driver -> ConsoleBrowsing.text(owner, "h1").equals("Sign in"));
        ConsoleBrowsing.signIn(owner, base, OWNER, OWNER_PASSWORD);
        owner.await("the complaint queue", driver -> driver.getCurrentUrl().endsWith("/console/complaints"));

        // a complaint through the web chat appears in the queue by itself; the owner answers it
        ChatPage chat = new ChatPage(customer, jar.httpPort()).open();
        String reference = ConsoleBrowsing.fileAComplaint(chat, "My order came without the charger.", null);
        String row = "li[data-reference='" + reference + "']";
        owner.await("the complaint in the queue without a reload", driver -> !ConsoleBrowsing.text(owner, row).isEmpty());
        owner.screenshot("done-when-queue");
        ConsoleBrowsing.openComplaint(owner, reference);
        owner.find(By.id("claim")).click();
        owner.await("claimed", driver -> ConsoleBrowsing.text(owner, "#holder").equals("with Hana Cho"));
        String answer = "Sorry about that: the charger goes out to you today.";
        ConsoleBrowsing.answer(owner, answer);
        assertThat(chat.awaitBotContaining(answer)).contains(reference);
        customer.screenshot("done-when-answer-in-web-chat");

        // a membership day for the Telegram members: a segment, a template, the rule on the greetings page
        owner.find(By.linkText("Marketing")).click();
        owner.find(By.linkText("Segments")).click();
        owner.await("the segment form", driver -> !driver.findElements(By.id("segment-name")).isEmpty());
        owner.find(By.id("any-tags")).sendKeys("members");
        owner.await("the members counted", driver -> ConsoleBrowsing.text(owner, "#audience")
                .equals(MEMBERS + " customers"));
        owner.find(By.id("segment-name")).sendKeys("Members", Keys.ENTER);
        owner.await("the segment saved", driver -> ConsoleBrowsing.text(owner, "[role=status]")
                .equals("The segment is saved."));
        owner.find(By.linkText("Templates")).click();
        owner.await("the template form", driver -> !driver.findElements(By.id("template-name")).isEmpty());
        owner.find(By.id("template-name")).sendKeys("Membership day");
        new Select(owner.find(By.id("default-language"))).selectByValue("en");
        owner.find(By.id("text-en-formal")).sendKeys("Dear {name}, our membership day is {membershipDay}. Welcome!");
        owner.find(By.id("save-template")).click();
        owner.await("the template saved", driver -> ConsoleBrowsing.text(owner, "#template-name")
                .equals("Membership day"));
        owner.find(By.linkText("Greetings")).click();
        owner.await("the membership-day form", driver -> !driver.findElements(By.id("membership-name")).isEmpty());
        new Select(owner.find(By.id("segment"))).selectByVisibleText("Members");
        new Select(owner.find(By.id("template"))).selectByVisibleText("Membership day");
        WebElement rule = owner.find(By.id("broadcast-rule"));
        rule.clear();
        // this month's membership day falls a minute or two from now (the shop's zone is UTC)
        ZonedDateTime day = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        rule.sendKeys("the " + day.getDayOfMonth() + " of every month at "
                + String.format("%02d:%02d", day.getHour(), day.getMinute()));
        owner.find(By.id("save-membership-day")).click();
        owner.await("the broadcast page", driver -> ConsoleBrowsing.text(owner, "#broadcast-name")
                .equals("Membership day"));
        ConsoleBrowsing.awaitRunDone(owner, Duration.ofMinutes(4));
        assertThat(ConsoleBrowsing.text(owner, "#run-percent")).isEqualTo("100% done (" + MEMBERS + " of " + MEMBERS + ")");
        assertThat(ConsoleBrowsing.text(owner, "#count-sent")).isEqualTo(String.valueOf(MEMBERS));
        owner.screenshot("done-when-membership-day");
        for (int member = 1; member <= MEMBERS; member++) {
            assertThat(telegram.sentTo(chatOf(member))).as("member " + member)
                    .anyMatch(call -> call.text().contains("our membership day is"));
        }

        // the service report: the complaint's first response and the membership day's messages, drawn
        owner.find(By.linkText("Report")).click();
        owner.await("the report", driver -> ConsoleBrowsing.text(owner, "h1").equals("Service report"));
        @SuppressWarnings("unchecked")
        List<String> drawn = owner.await("the charts drawn", driver -> {
            List<String> charts = (List<String>) owner.script("""
                    if (typeof Chart === 'undefined') { return null; }
                    return [...document.querySelectorAll('canvas[data-chart]')]
                      .filter(canvas => { const chart = Chart.getChart(canvas);
                                          return chart && chart.getDatasetMeta(0).data.length > 0; })
                      .map(canvas => canvas.closest('figure').id);
                    """);
            return charts != null && charts.containsAll(List.of("chart-first-response", "chart-categories",
                    "chart-broadcasts")) ? charts : null;
        });
        assertThat(drawn).contains("chart-promises");
        owner.find(By.cssSelector("#chart-broadcasts summary")).click();
        assertThat(ConsoleBrowsing.text(owner, "#chart-broadcasts table")).contains(String.valueOf(MEMBERS));
        owner.screenshot("done-when-report");
        owner.assertNoConsoleErrors();
    }

    /** The one-time set-up link the jar printed at start-up, null until it did. */
    private String setUpLink() {
        try {
            Matcher matcher = SET_UP.matcher(jar.output());
            return matcher.find() ? matcher.group(1) : null;
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static String chatOf(int member) {
        return String.valueOf(FIRST_CHAT + member);
    }

    private static JarProcess startTheJar(StartedJars jars, FakeBotApi telegram) throws Exception {
        deleteRecursively(DATA.getParent());
        Files.createDirectories(DATA);
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", DATA.toString());
        env.put("HTTP_PORT", String.valueOf(AppTesting.freePort()));
        env.put("ADMIN_TOKEN", AppTesting.ADMIN_TOKEN);
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("SCHEDULER_POLL_SECONDS", "1");
        env.put("MARKETING_QUIET_HOURS", "off");
        JarProcess started = jars.start(env, "retainbot.log");
        started.awaitHealth(Duration.ofSeconds(120));
        return started;
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    /** The browsers and the fake Bot API, closed after the test (the jar and its database by {@link StartedJars}). */
    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
