package io.retainbot.app;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.http.AdminApi;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.telegram.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when", as a marketer and customers live it, on a local Telegram Bot API limited to 30
 * sends a second (429 and {@code retry_after} beyond, as Telegram does). The real jar: a membership-day
 * broadcast to 10,000 customers, created through the REST API, killed ({@code kill -9}) in the middle and
 * started again; a customer who sent /stop gets nothing and was asked why. In process on a movable clock
 * (the jar's clock cannot be moved): birthday greetings at 09:00 in each customer's own time zone, with an
 * offer code that is redeemed through the API.
 */
class OutreachAtScaleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 10_000;
    private static final int IMPORT_ROWS = 500;
    private static final long FIRST_USER = 7_100_000_000L;
    private static final String LEAVER = String.valueOf(FIRST_USER);
    private static final int SENT_BEFORE_THE_KILL = 2_500;
    /** Bulk sends a killed process may have had on their way (its senders less those kept for replies). */
    private static final int SENDS_IN_FLIGHT_AT_MOST = 16;
    private static final String MEMBERSHIP_DAY = "Happy membership day";
    private static final Pattern OFFER_CODE = Pattern.compile("code ([A-Z0-9]{4}-[A-Z0-9]{4})");
    private static final AtomicLong UPDATES = new AtomicLong(930_000_000);

    @TempDir
    Path directory;

    private final FakeBotApi telegram = new FakeBotApi().limitSendsTo(30);
    @RegisterExtension
    final StartedJars jars = new StartedJars();

    @Test
    void aMembershipDayBroadcastReachesTenThousandOnceAtTheBudgetThoughKilledMidwayAndTheLeaverOnlyIsAskedWhy()
            throws Exception {
        // whatever the hour of the run, the customers' afternoon: no quiet hours in the way
        ZoneId zone = ZoneId.of(afternoonZone(Instant.now()));
        Map<String, String> env = jarEnvironment(zone);
        JarProcess first = jars.start(env, "first.log");
        first.awaitHealth(Duration.ofSeconds(90));
        AdminApi api = new AdminApi(first.httpPort());
        // in files of 500 rows: each answered well within the API client's 30 s, even on a crowded machine
        for (int from = 0; from < CUSTOMERS; from += IMPORT_ROWS) {
            JsonNode imported = ok(api.call("POST", "/api/customers/import", "text/csv", customerFile(zone, from)));
            assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(IMPORT_ROWS);
        }

        telegram.push(text(LEAVER, "/stop"));
        Await.until(() -> texts(LEAVER).stream().anyMatch(OutreachAtScaleIT::asksWhy), Duration.ofSeconds(60),
                () -> texts(LEAVER));
        int answersToTheLeaver = texts(LEAVER).size();

        long segment = ok(api.call("POST", "/api/segments",
                "{\"name\": \"Members\", \"filter\": {\"anyTags\": [\"member\"]}}"), 201).get("id").asLong();
        long template = ok(api.call("POST", "/api/templates", """
                {"name": "Membership day", "purpose": "marketing", "defaultLanguage": "en",
                 "texts": [{"language": "en", "body": "%s, {name}! Today, {membershipDay}, is for you."}]}
                """.formatted(MEMBERSHIP_DAY)), 201).get("id").asLong();
        LocalDateTime due = LocalDateTime.now(zone).plusSeconds(90).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        String rule = "the %d of every month at %02d:%02d".formatted(due.getDayOfMonth(), due.getHour(),
                due.getMinute());
        long broadcast = ok(api.call("POST", "/api/broadcasts", "{\"name\": \"Membership day\", \"segmentId\": "
                + segment + ", \"templateId\": " + template + ", \"schedule\": {\"rule\": \"" + rule
                + "\", \"zone\": \"business\"}}"), 201).get("id").asLong();

        // counted by the fake (cheap to ask every 25 ms): the broadcast's sends and the answers to /stop
        Await.until(() -> telegram.sendCounts().delivered() >= SENT_BEFORE_THE_KILL, Duration.ofMinutes(8),
                () -> "broadcast sends so far: " + broadcastSends());
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        long sentByTheFirst = broadcastSends();

        JarProcess second = jars.start(env, "second.log");
        second.awaitHealth(Duration.ofSeconds(90));
        AdminApi again = new AdminApi(second.httpPort());
        long restartedAt = System.nanoTime();
        Await.until(() -> telegram.sendCounts().delivered() >= CUSTOMERS - 1 + answersToTheLeaver,
                Duration.ofMinutes(12),
                () -> "broadcast sends so far: " + broadcastSends());
        double minutes = (System.nanoTime() - restartedAt) / 60e9;
        Await.until(() -> finished(again, broadcast), Duration.ofMinutes(1),
                () -> again.get("/api/broadcasts/" + broadcast));

        Map<String, Long> perChat = telegram.calls("sendMessage").stream()
                .filter(call -> call.text().startsWith(MEMBERSHIP_DAY))
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        List<String> twice = perChat.entrySet().stream().filter(chat -> chat.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        JsonNode run = again.get("/api/broadcasts/" + broadcast).get("runs").get(0);
        FakeBotApi.SendCounts counts = telegram.sendCounts();
        System.out.printf("OutreachAtScaleIT: %d sent before kill -9, the rest (%d) in %.1f min after the restart "
                        + "(%.1f a second, budget 30); 429s %d, inside a retry window %d; chats that got it twice %d%n",
                sentByTheFirst, perChat.size() - sentByTheFirst, minutes,
                (perChat.size() - sentByTheFirst) / (minutes * 60), counts.rateLimited(), counts.insideRetryWindow(),
                twice.size());

        assertThat(perChat).as("every member but the leaver").hasSize(CUSTOMERS - 1).doesNotContainKey(LEAVER);
        assertThat(twice).as("only a send on its way at the kill may be repeated")
                .hasSizeLessThanOrEqualTo(SENDS_IN_FLIGHT_AT_MOST);
        assertThat(counts.rateLimited()).as("never beyond 30 in any second, as the fake counts it").isZero();
        assertThat(counts.insideRetryWindow()).isZero();
        assertThat(run.get("status").asText()).isEqualTo("finished");
        assertThat(run.get("progress").get("sent").asLong()).isEqualTo(CUSTOMERS - 1);
        assertThat(run.get("progress").get("skippedByReason").get("no_consent").asLong()).isEqualTo(1);
        assertThat(texts(LEAVER)).as("the leaver was told and asked why, once, and got nothing more")
                .hasSize(answersToTheLeaver).filteredOn(OutreachAtScaleIT::asksWhy).hasSize(1);
    }

    @Test
    void birthdayGreetingsGoOutAtNineInEachCustomersZoneAndTheirOfferCodeIsRedeemed() throws Exception {
        // set up the day before; Manila is an hour behind Seoul
        MutableClock clock = MutableClock.at("2026-11-30T03:00:00Z");
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("SCHEDULER_POLL_SECONDS", "1");
        env.put("BUSINESS_CONFIG", Files.writeString(directory.resolve("business.yml"),
                "company: Demo Shop\ntimeZone: Asia/Seoul\n").toString());
        try (RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(env), clock, token -> { })) {
            AdminApi api = new AdminApi(bot.httpPort());
            ok(api.call("POST", "/api/customers/import", "text/csv", """
                    display_name,language,time_zone,birthday,consent,consent_source,identities
                    Mina Park,en,Asia/Seoul,12-01,yes,shop form,telegram:7200000001
                    Ana Reyes,en,Asia/Manila,1990-12-01,yes,shop form,telegram:7200000002
                    Joon Lee,en,Asia/Seoul,12-02,yes,shop form,telegram:7200000003
                    """));
            long template = ok(api.call("POST", "/api/templates", """
                    {"name": "Birthday", "purpose": "marketing", "defaultLanguage": "en", "offerValidDays": 30,
                     "texts": [{"language": "en", "body": "Happy birthday, {name}! A gift: code {offerCode}"}]}
                    """), 201).get("id").asLong();
            ok(api.call("PUT", "/api/greetings/birthday", "{\"templateId\": " + template + ", \"at\": \"09:00\"}"));

            // the day's run starts when it is 09:00 somewhere (UTC+14); each greeting waits for 09:00 at home
            clock.set(Instant.parse("2026-11-30T23:59:00Z"));
            Await.until(() -> birthdayRun(api).path("progress").path("total").asLong() == 2, Duration.ofSeconds(60),
                    () -> api.get("/api/greetings"));
            assertThat(greetings("7200000001")).as("08:59 in Seoul").isEmpty();

            clock.set(Instant.parse("2026-12-01T00:00:00Z"));
            String mina = awaitGreeting("7200000001");
            assertThat(greetings("7200000002")).as("08:00 in Manila").isEmpty();

            clock.set(Instant.parse("2026-12-01T01:00:00Z"));
            awaitGreeting("7200000002");
            assertThat(greetings("7200000003")).as("not his birthday").isEmpty();
            assertThat(greetings("7200000001")).as("once a year").hasSize(1);

            Matcher code = OFFER_CODE.matcher(mina);
            assertThat(code.find()).as(mina).isTrue();
            assertThat(api.get("/api/offers/" + code.group(1)).get("customerName").asText()).isEqualTo("Mina Park");
            JsonNode redeemed = ok(api.call("POST", "/api/offers/" + code.group(1) + "/redeem",
                    "{\"redeemedBy\": \"till 2\"}"));
            assertThat(redeemed.get("status").asText()).isEqualTo("redeemed");
            assertThat(api.get("/api/offers/" + code.group(1)).get("redeemedBy").asText()).isEqualTo("till 2");
            assertError(api.call("POST", "/api/offers/" + code.group(1) + "/redeem", null), 409, "already redeemed");
        }
    }

    /** The birthday greetings' run for 1 December, an empty object while there is none. */
    private static JsonNode birthdayRun(AdminApi api) {
        for (JsonNode run : api.get("/api/greetings").path("birthday").path("runs")) {
            if (run.path("occurrence").asText().startsWith("2026-12-01")) {
                return run;
            }
        }
        return JSON.createObjectNode();
    }

    private String awaitGreeting(String chat) {
        Supplier<Optional<String>> greeting = () -> greetings(chat).stream().findFirst();
        Await.until(() -> greeting.get().isPresent(), Duration.ofSeconds(60), () -> texts(chat));
        return greeting.get().orElseThrow();
    }

    private List<String> greetings(String chat) {
        return texts(chat).stream().filter(text -> text.startsWith("Happy birthday")).toList();
    }

    private List<String> texts(String chat) {
        return telegram.sentTo(chat).stream().map(FakeBotApi.Call::text).toList();
    }

    private long broadcastSends() {
        return telegram.calls("sendMessage").stream().filter(call -> call.text().startsWith(MEMBERSHIP_DAY)).count();
    }

    private static boolean asksWhy(String text) {
        return text.contains("May we ask why") || text.contains("Mind telling us why");
    }

    private static boolean finished(AdminApi api, long broadcast) {
        JsonNode runs = api.get("/api/broadcasts/" + broadcast).get("runs");
        return runs.size() == 1 && runs.get(0).get("status").asText().equals("finished");
    }

    /** An IANA zone (Etc/GMT-n is n hours east) where it is early afternoon at {@code now}. */
    static String afternoonZone(Instant now) {
        int hoursEast = Math.floorMod(13 - now.atZone(ZoneId.of("UTC")).getHour() + 12, 24) - 12;
        return hoursEast == 0 ? "Etc/GMT" : "Etc/GMT" + (hoursEast > 0 ? "-" : "+") + Math.abs(hoursEast);
    }

    /** {@link #IMPORT_ROWS} members from number {@code first} on, as the import reads them. */
    private static String customerFile(ZoneId zone, int first) {
        StringBuilder csv = new StringBuilder("display_name,language,time_zone,tags,consent,consent_source,identities\n");
        for (int index = first; index < first + IMPORT_ROWS; index++) {
            csv.append("Member ").append(index).append(",en,").append(zone.getId()).append(",member,yes,shop form,")
                    .append("telegram:").append(FIRST_USER + index).append('\n');
        }
        return csv.toString();
    }

    /** A private message from a customer, as getUpdates hands it over. */
    private static String text(String userId, String words) {
        long update = UPDATES.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("message_id", (int) (update % 100_000))
                .put("date", Instant.now().getEpochSecond()).put("text", words);
        message.putObject("from").put("id", Long.parseLong(userId)).put("is_bot", false).put("first_name", "Member")
                .put("language_code", "en");
        message.putObject("chat").put("id", Long.parseLong(userId)).put("type", "private");
        if (words.startsWith("/")) {
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", words.split(" ")[0].length());
        }
        ObjectNode root = JSON.createObjectNode().put("update_id", update);
        root.set("message", message);
        return root.toString();
    }

    private Map<String, String> jarEnvironment(ZoneId zone) throws Exception {
        Path business = Files.writeString(directory.resolve("business.yml"),
                "company: Demo Shop\ntimeZone: " + zone.getId() + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", directory.resolve("data").toString());
        env.put("HTTP_PORT", String.valueOf(AppTesting.freePort()));
        env.put("ADMIN_TOKEN", AppTesting.ADMIN_TOKEN);
        env.put("BUSINESS_CONFIG", business.toString());
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("SCHEDULER_POLL_SECONDS", "1");
        return env;
    }

    @AfterEach
    void closeTheFakeBotApi() {
        telegram.close();
    }
}
