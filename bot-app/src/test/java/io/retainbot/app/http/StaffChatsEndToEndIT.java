package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.browser.Browser;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.web.ChatPage;
import io.retainbot.app.web.TestFiles;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.discord.DiscordSettings;
import io.retainbot.discord.FakeDiscord;
import io.retainbot.discord.GatewayEvents;
import io.retainbot.telegram.FakeBotApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application, end to end, as the README runs it: a complaint filed in the web chat page (a real
 * browser) pings the staff chat on a local fake of Telegram's Bot API (and of Discord), a staff member
 * claims and answers it there, the customer reads the answer in the page and answers back, the complaint is
 * resolved from the staff chat, the customer answers the survey in the page, and the service report shows
 * it all. The customer's photo reaches the staff chat under the ping, and a staff member's photo answer reaches
 * the page. And "Cannot help" from the staff chat: the referrals picked there reach the customer. And keeping in
 * touch from the staff chats: a stage set with /stage, the weekly review list's buttons pressed.
 */
class StaffChatsEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("C-\\d+");
    private static final AtomicLong UPDATES = new AtomicLong(905000000);
    private static final String GROUP = "-1002000000001";
    private static final String JOON_TELEGRAM = "6000000007";
    private static final String GUILD = "1441000000000000001";
    private static final String STAFF_CHANNEL = "1441000000000000010";
    private static final String JOON_DISCORD = "322345678901234567";
    private static final String REFERRALS = """
            referrals:
              - id: vasedoc
                name: { en: Vase Doctor }
                contact: "02-555-0100"
                description: { en: repairs ceramics }
                categories: [delivery]
              - id: glue
                name: { en: Glue & Co }
                contact: "https://glue.example"
            """;

    /** What a failed wait reports beside what it waited for (the calls seen, the work left). */
    private Supplier<String> evidence = () -> "";

    @TempDir
    Path files;

    /**
     * What the customer does and reads: in the page of a real browser (which starts the conversation itself
     * when it opens), or over the web chat's HTTP API (which starts it with "/start").
     */
    private record Customer(Runnable starter, Consumer<String> typist, Consumer<String> presser,
                            UnaryOperator<String> reader, Consumer<Path> attacher, UnaryOperator<String> photoReader) {
        static Customer inThePage(ChatPage page) {
            return new Customer(() -> { }, page::type, page::press, page::awaitBotContaining, page::attach,
                    page::awaitBotPhoto);
        }

        static Customer overHttp(WebVisitor visitor) {
            return new Customer(() -> visitor.say("/start"), visitor::say, visitor::press, visitor::awaitText,
                    file -> {
                        throw new UnsupportedOperationException("the HTTP visitor sends no files");
                    }, part -> {
                        throw new UnsupportedOperationException("the HTTP visitor sees no photos");
                    });
        }

        void attach(Path file) {
            attacher.accept(file);
        }

        /** Waits for the bot's message containing {@code part} to show a photo; returns the photo's address. */
        String awaitPhoto(String part) {
            return photoReader.apply(part);
        }

        void start() {
            starter.run();
        }

        void say(String text) {
            typist.accept(text);
        }

        void press(String label) {
            presser.accept(label);
        }

        String awaitText(String part) {
            return reader.apply(part);
        }
    }

    /** The environment of a run with the staff chats: surveys asked as soon as the scheduler looks (each second). */
    private static Map<String, String> environment() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("SURVEY_DELAY_MINUTES", "0");
        env.put("SCHEDULER_POLL_SECONDS", "1");
        return env;
    }

    private static Map<String, String> telegramEnvironment(FakeBotApi telegram) {
        Map<String, String> env = environment();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("TELEGRAM_STAFF_CHAT_ID", GROUP);
        return env;
    }

    private static AppConfig discordConfig(Map<String, String> env, FakeDiscord discord) {
        AppConfig fromEnv = AppConfig.fromEnvironment(env);
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.of(STAFF_CHANNEL), 1, List.of(),
                20, Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        return new AppConfig(fromEnv.databaseUrl(), fromEnv.databaseUser(), fromEnv.databasePassword(),
                fromEnv.dataDir(), fromEnv.httpPort(), fromEnv.adminToken(), fromEnv.businessConfig(),
                Optional.empty(), Optional.of(settings), fromEnv.webChat(), fromEnv.schedule(),
                fromEnv.staffDesk(), fromEnv.staffLanguage(), fromEnv.outreach(), fromEnv.metricsToken());
    }

    private Map<String, String> withReferrals(Map<String, String> env) {
        try {
            Path business = Files.writeString(files.resolve("business.yml"), REFERRALS);
            env.put("BUSINESS_CONFIG", business.toString());
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aComplaintWithAPhotoFromTheWebPageIsHandledWithAPhotoFromTheTelegramStaffGroupRatedAndReported()
            throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
             RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(telegramEnvironment(telegram)),
                     Clock.systemUTC(), token -> { });
             Browser browser = Browser.open(Browser.Screen.PHONE)) {
            addStaff(bot, "Joon", Platform.TELEGRAM, JOON_TELEGRAM, JOON_TELEGRAM);
            Customer customer = Customer.inThePage(new ChatPage(browser, bot.httpPort()).open());
            Path soakedBox = TestFiles.photo(files, "soaked box.jpg", "jpg");
            String ref = fileComplaint(customer, soakedBox);

            FakeBotApi.Call ping = await(() -> telegram.sentTo(GROUP).stream()
                    .filter(call -> call.text().startsWith("New complaint " + ref)).findFirst(), "the ping");
            assertThat(ping.text()).contains("Customer: ", "(web)", "The parcel arrived two days late",
                    "Photos and files: 1");
            assertThat(ping.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
                    .isEqualTo("staff:claim:" + ref);
            FakeBotApi.Call customersPhoto = await(() -> telegram.photosSentTo(GROUP).stream().findFirst(),
                    "the customer's photo in the staff group");
            assertThat(customersPhoto.body().path("caption").asText()).endsWith("about " + ref + ": photo 1 of 1");
            assertThat(customersPhoto.body().at("/reply_parameters/message_id").asInt()).isEqualTo(ping.messageId());
            assertThat(customersPhoto.body().at("/photo/size").asLong()).isEqualTo(size(soakedBox));

            telegram.push(press(JOON_TELEGRAM, "Joon", "staff:claim:" + ref, ping.messageId()));
            await(() -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.body().path("message_id").asInt() == ping.messageId()
                            && call.text().contains("Status: claimed by Joon")).findFirst(), "the ping edited");

            telegram.push(reply(JOON_TELEGRAM, "Joon", "A new box leaves our warehouse today.", ping.messageId()));
            customer.awaitText("A new box leaves our warehouse today.");
            telegram.withFile("AgACAgQAAxkBAAIBnewbox", Files.readAllBytes(TestFiles.photo(files, "new box.jpg", "jpg")));
            telegram.push(photoReply(JOON_TELEGRAM, "Joon", "AgACAgQAAxkBAAIBnewbox", "This is the new box.",
                    ping.messageId()));
            assertThat(customer.awaitPhoto("This is the new box.")).contains("/chat/api/files/");

            customer.say("Thank you! Before Friday?");
            customer.awaitText("I have passed this on to the person handling your complaint " + ref);
            FakeBotApi.Call relayed = await(() -> telegram.sentTo(GROUP).stream()
                    .filter(call -> call.text().endsWith("about " + ref + ": Thank you! Before Friday?"))
                    .findFirst(), "the customer's answer in the staff group");
            assertThat(relayed.body().at("/reply_parameters/message_id").asInt()).isEqualTo(ping.messageId());

            telegram.push(press(JOON_TELEGRAM, "Joon", "staff:resolve:" + ref, ping.messageId()));
            customer.awaitText("Your complaint " + ref + " has been resolved.");
            await(() -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.text().contains("Status: resolved by Joon")).findFirst(), "resolved ping");

            answerTheSurvey(customer);
            assertReported(bot);
        }
    }

    @Test
    void aComplaintWithAPhotoFromTheWebPageIsHandledWithAPhotoInItsDiscordThreadRatedAndReported() throws Exception {
        Map<String, String> env = environment();
        try (FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF_CHANNEL);
             RetainBot bot = RetainBot.start(discordConfig(env, discord), Clock.systemUTC(), token -> { });
             Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            evidence = () -> "\nDiscord calls:\n" + discord.calls().stream().map(StaffChatsEndToEndIT::shown)
                    .collect(java.util.stream.Collectors.joining("\n")) + AppTesting.unfinishedWork(env);
            discord.awaitIdentified();
            addStaff(bot, "Joon", Platform.DISCORD, JOON_DISCORD, STAFF_CHANNEL);
            Customer customer = Customer.inThePage(new ChatPage(browser, bot.httpPort()).open());
            Path soakedBox = TestFiles.photo(files, "soaked box.png", "png");
            String ref = fileComplaint(customer, soakedBox);

            String pingId = threadOf(discord, ref);
            FakeDiscord.Call customersPhoto = await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("POST")
                            && call.path().equals("/api/v10/channels/" + pingId + "/messages")
                            && call.content().endsWith("about " + ref + ": photo 1 of 1")).findFirst(),
                    "the customer's photo in the thread");
            assertThat(customersPhoto.body().at("/uploads/0/filename").asText()).isEqualTo("soaked box.png");
            assertThat(customersPhoto.body().at("/uploads/0/size").asLong()).isEqualTo(size(soakedBox));
            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                    STAFF_CHANNEL, JOON_DISCORD, "Joon", "staff:claim:" + ref, pingId));
            await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("PATCH")
                            && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages/" + pingId)
                            && call.content().contains("Status: claimed by Joon")).findFirst(), "the ping edited");

            discord.dispatch("MESSAGE_CREATE", threadMessage(discord, pingId, "A new box leaves our warehouse today."));
            customer.awaitText("A new box leaves our warehouse today.");
            ObjectNode withPhoto = threadMessage(discord, pingId, "This is the new box.");
            withPhoto.putArray("attachments").add(discord.attachment(pingId, "new-box.jpg", "image/jpeg",
                    Files.readAllBytes(TestFiles.photo(files, "new box.jpg", "jpg"))));
            discord.dispatch("MESSAGE_CREATE", withPhoto);
            assertThat(customer.awaitPhoto("This is the new box.")).contains("/chat/api/files/");

            customer.say("Thank you! Before Friday?");
            await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("POST")
                            && call.path().equals("/api/v10/channels/" + pingId + "/messages")
                            && call.content().endsWith("about " + ref + ": Thank you! Before Friday?")).findFirst(),
                    "the customer's answer in the thread");

            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                    STAFF_CHANNEL, JOON_DISCORD, "Joon", "staff:resolve:" + ref, pingId));
            customer.awaitText("Your complaint " + ref + " has been resolved.");
            await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("PATCH")
                            && call.content().contains("Status: resolved by Joon")).findFirst(), "resolved ping");

            answerTheSurvey(customer);
            assertReported(bot);
        }
    }

    @Test
    void cannotHelpFromTheTelegramStaffGroupSendsThePickedReferralsToTheCustomer() {
        try (FakeBotApi telegram = new FakeBotApi();
             RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(withReferrals(telegramEnvironment(telegram))),
                     Clock.systemUTC(), token -> { })) {
            addStaff(bot, "Joon", Platform.TELEGRAM, JOON_TELEGRAM, JOON_TELEGRAM);
            Customer customer = Customer.overHttp(new WebVisitor(bot.httpPort()).openChat());
            String ref = fileComplaint(customer);
            FakeBotApi.Call ping = await(() -> telegram.sentTo(GROUP).stream()
                    .filter(call -> call.text().startsWith("New complaint " + ref)).findFirst(), "the ping");

            telegram.push(press(JOON_TELEGRAM, "Joon", "staff:refer:" + ref, ping.messageId()));
            FakeBotApi.Call picker = await(() -> telegram.sentTo(GROUP).stream()
                    .filter(call -> call.text().startsWith(ref + ": who can help")).findFirst(), "the picker");
            assertThat(picker.body().at("/reply_parameters/message_id").asInt()).isEqualTo(ping.messageId());
            assertThat(labels(picker.body())).containsExactly("Vase Doctor", "Glue & Co", "Send to the customer");

            telegram.push(press(JOON_TELEGRAM, "Joon", data(picker.body(), "Vase Doctor"), picker.messageId()));
            FakeBotApi.Call picked = await(() -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.body().path("message_id").asInt() == picker.messageId()).findFirst(),
                    "the picker ticked");
            assertThat(labels(picked.body())).containsExactly("✓ Vase Doctor", "Glue & Co", "Send to the customer");

            telegram.push(press(JOON_TELEGRAM, "Joon", data(picked.body(), "Send to the customer"), picker.messageId()));
            assertThat(customer.awaitText("These can help you:")).contains(
                    "cannot help with your complaint " + ref, "• Vase Doctor (repairs ceramics), 02-555-0100",
                    "please come back to us").doesNotContain("Glue & Co");
            await(() -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.text().contains("Status: referred elsewhere by Joon")).findFirst(),
                    "the ping showing the referral");
        }
    }

    @Test
    void cannotHelpFromTheDiscordStaffChannelSendsThePickedReferralsToTheCustomer() throws Exception {
        try (FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF_CHANNEL);
             RetainBot bot = RetainBot.start(discordConfig(withReferrals(environment()), discord), Clock.systemUTC(),
                     token -> { })) {
            discord.awaitIdentified();
            addStaff(bot, "Joon", Platform.DISCORD, JOON_DISCORD, STAFF_CHANNEL);
            Customer customer = Customer.overHttp(new WebVisitor(bot.httpPort()).openChat());
            String ref = fileComplaint(customer);
            String pingId = threadOf(discord, ref);

            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                    STAFF_CHANNEL, JOON_DISCORD, "Joon", "staff:refer:" + ref, pingId));
            FakeDiscord.Call picker = await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("POST")
                            && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages")
                            && call.content().startsWith(ref + ": who can help")).findFirst(), "the picker");
            assertThat(picker.body().at("/message_reference/message_id").asText()).isEqualTo(pingId);
            String pickerId = discord.createdMessageId(picker);

            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                    STAFF_CHANNEL, JOON_DISCORD, "Joon", discordData(picker.body(), "Glue & Co"), pickerId));
            FakeDiscord.Call picked = await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("PATCH")
                            && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages/" + pickerId))
                    .findFirst(), "the picker ticked");

            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                    STAFF_CHANNEL, JOON_DISCORD, "Joon", discordData(picked.body(), "Send to the customer"), pickerId));
            assertThat(customer.awaitText("These can help you:")).contains("• Glue & Co, https://glue.example",
                    "please come back to us").doesNotContain("Vase Doctor");
            await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("PATCH")
                            && call.content().contains("Status: referred elsewhere by Joon")).findFirst(),
                    "the ping showing the referral");
        }
    }

    @Test
    void fromTheTelegramStaffGroupAStageIsSetAndTheWeeklyReviewListsButtonsRecordAHeldReview() {
        MutableClock clock = MutableClock.at("2026-11-30T08:59:00Z");
        try (FakeBotApi telegram = new FakeBotApi();
             RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(telegramEnvironment(telegram)), clock,
                     token -> { })) {
            long joon = addStaff(bot, "Joon", Platform.TELEGRAM, JOON_TELEGRAM, JOON_TELEGRAM);
            long mina = dueCustomer(bot, "Mina Kang", joon);

            telegram.push(command(JOON_TELEGRAM, "Joon", "/stage Mina negotiation"));
            await(() -> telegram.sentTo(GROUP).stream().filter(call -> call.text().equals("Mina Kang (#" + mina
                    + ") is now in the stage negotiation. Responsible: Joon.")).findFirst(), "the new stage and owner");

            clock.set(Instant.parse("2026-11-30T09:00:01Z"));
            FakeBotApi.Call item = await(ticking(clock, () -> telegram.sentTo(GROUP).stream()
                    .filter(call -> call.text().startsWith("• Mina Kang (#" + mina + "): due 2026-11-01")).findFirst()),
                    "Mina under the weekly review list");
            assertThat(labels(item.body())).containsExactly("Held", "Later");
            telegram.push(press(JOON_TELEGRAM, "Joon", data(item.body(), "Held"), item.messageId()));
            FakeBotApi.Call asked = await(ticking(clock, () -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.body().path("message_id").asInt() == item.messageId()
                            && call.text().contains("how did the review go?")).findFirst()), "the outcomes offered");
            assertThat(labels(asked.body())).containsExactly("Good", "Opportunity", "At risk", "Lost");
            telegram.push(press(JOON_TELEGRAM, "Joon", data(asked.body(), "At risk"), item.messageId()));
            await(ticking(clock, () -> telegram.calls("editMessageText").stream()
                    .filter(call -> call.text().equals("Mina Kang (#" + mina + "): review held by Joon, recorded as "
                            + "At risk.")).findFirst()), "the review recorded");
            JsonNode reviews = new AdminApi(bot.httpPort()).get("/api/customers/" + mina + "/reviews").get("items");
            assertThat(reviews.get(0).get("outcome").asText()).isEqualTo("at-risk");
            assertThat(reviews.get(0).get("staffId").asLong()).isEqualTo(joon);
        }
    }

    @Test
    void fromTheDiscordStaffChannelAStageIsSetAndAReviewIsPutOffAWeek() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-30T08:59:00Z");
        try (FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF_CHANNEL);
             RetainBot bot = RetainBot.start(discordConfig(environment(), discord), clock, token -> { })) {
            discord.awaitIdentified();
            long joon = addStaff(bot, "Joon", Platform.DISCORD, JOON_DISCORD, STAFF_CHANNEL);
            long mina = dueCustomer(bot, "Mina Kang", joon);

            discord.dispatch("MESSAGE_CREATE", threadMessage(discord, STAFF_CHANNEL, "/stage #" + mina + " contract"));
            await(() -> discord.calls().stream().filter(call -> call.method().equals("POST")
                    && call.content().equals("Mina Kang (#" + mina + ") is now in the stage contract. Responsible: "
                    + "Joon.")).findFirst(), "the new stage and owner");

            clock.set(Instant.parse("2026-11-30T09:00:01Z"));
            FakeDiscord.Call item = await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("POST")
                            && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages")
                            && call.content().startsWith("• Mina Kang (#" + mina + "): due 2026-11-01")).findFirst(),
                    "Mina under the weekly review list");
            String itemId = discord.createdMessageId(item);
            discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD, STAFF_CHANNEL,
                    JOON_DISCORD, "Joon", discordData(item.body(), "Later"), itemId));
            await(() -> discord.calls().stream()
                    .filter(call -> call.method().equals("PATCH")
                            && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages/" + itemId)
                            && call.content().equals("Mina Kang (#" + mina + "): review put off until 2026-12-07 by "
                            + "Joon.")).findFirst(), "the review put off");
            JsonNode due = new AdminApi(bot.httpPort()).get("/api/reviews/due?owner=" + joon + "&until=2026-12-07");
            assertThat(due.get("items").get(0).get("dueOn").asText()).isEqualTo("2026-12-07");
        }
    }

    private String threadOf(FakeDiscord discord, String ref) {
        FakeDiscord.Call thread = await(() -> discord.calls().stream()
                .filter(call -> call.method().equals("POST")
                        && call.path().matches("/api/v10/channels/" + STAFF_CHANNEL + "/messages/\\d+/threads")
                        && call.body().path("name").asText().startsWith(ref))
                .findFirst(), "the ping's thread");
        return thread.path().split("/")[6];
    }

    private static String fileComplaint(Customer customer) {
        return fileComplaint(customer, null);
    }

    /** Files a delivery complaint; with {@code photo} (not null) attached in the intake. */
    private static String fileComplaint(Customer customer, Path photo) {
        customer.start();
        customer.awaitText("welcome to RetainBot Demo Shop");
        customer.press("No, thank you");
        customer.awaitText("no greetings or offers");
        customer.press("File a complaint");
        customer.awaitText("What is it about?");
        customer.press("Delivery");
        customer.awaitText("Please describe what happened");
        customer.say("The parcel arrived two days late and the box was soaked.");
        customer.awaitText("order or reference number");
        customer.press("Skip");
        customer.awaitText("photos or files");
        if (photo == null) {
            customer.press("Continue without");
        } else {
            customer.attach(photo);
            customer.awaitText("Received: 1 file");
            customer.press("Done");
        }
        customer.awaitText("Please check your complaint");
        customer.press("Send complaint");
        Matcher reference = REFERENCE.matcher(customer.awaitText("registered under reference"));
        assertThat(reference.find()).isTrue();
        return reference.group();
    }

    /** The survey the scheduler starts after the resolution: satisfied (4), easy (2), a comment. */
    private static void answerTheSurvey(Customer customer) {
        customer.awaitText("How satisfied are you");
        customer.press("4");
        customer.awaitText("how easy was it");
        customer.press("2");
        customer.awaitText("anything you would like to add");
        customer.say("Quick and kind, thank you.");
        customer.awaitText("Thank you for your answer.");
    }

    /** The service report counts the complaint: answered, resolved, within its promise and target, rated. */
    private static void assertReported(RetainBot bot) {
        HttpResponse<String> response = new WebVisitor(bot.httpPort()).get("/api/reports/service", "Authorization",
                "Bearer " + AppTesting.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode overall;
        try {
            overall = JSON.readTree(response.body()).get("overall");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(overall.get("complaints").asLong()).isEqualTo(1);
        assertThat(overall.get("resolved").asLong()).isEqualTo(1);
        assertThat(overall.get("firstResponse").get("medianSeconds").isNumber()).isTrue();
        assertThat(overall.get("resolution").get("medianSeconds").isNumber()).isTrue();
        assertThat(overall.get("resolution").get("withinTargetShare").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("promises").get("keptShare").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("satisfaction").get("average").asDouble()).isEqualTo(4.0);
        assertThat(overall.get("effort").get("average").asDouble()).isEqualTo(2.0);
    }

    private static long addStaff(RetainBot bot, String name, Platform platform, String userId, String chatId) {
        return bot.transactor().inTransaction(session -> {
            StaffMember staff = session.staff().add(name, StaffRole.AGENT, Instant.now());
            session.staff().link(staff.id(), new StaffIdentity(platform, userId, chatId));
            return staff.id();
        });
    }

    /** A customer since a year and a month ago (no tier: reviewed yearly, so due), looked after by {@code owner}. */
    private static long dueCustomer(RetainBot bot, String name, long owner) {
        return bot.transactor().inTransaction(session -> {
            long id = session.customers().create(CustomerProfile.named(name, "en"),
                    Instant.parse("2025-11-01T08:00:00Z")).id();
            session.customers().update(id, CustomerProfile.named(name, "en").toBuilder().responsibleStaffId(owner)
                    .build(), Instant.parse("2025-11-01T08:00:00Z"));
            return id;
        });
    }

    /**
     * {@code found}, moving the clock on a second at each look: messages to a Telegram group are paced (20 a
     * minute), so with a clock that stands still the second one would wait for ever.
     */
    private static <T> Supplier<Optional<T>> ticking(MutableClock clock, Supplier<Optional<T>> found) {
        return () -> {
            clock.advance(java.time.Duration.ofSeconds(1));
            return found.get();
        };
    }

    private <T> T await(Supplier<Optional<T>> found, String what) {
        Await.until(() -> found.get().isPresent(), Await.DEFAULT, () -> "never saw " + what + evidence.get());
        return found.get().orElseThrow();
    }

    private static String shown(FakeDiscord.Call call) {
        return "  " + call.at() + " " + call.method() + " " + call.path() + " " + call.content().replace('\n', '|');
    }

    /** The labels of a Telegram message's inline keyboard, row by row. */
    private static List<String> labels(JsonNode body) {
        List<String> labels = new java.util.ArrayList<>();
        body.at("/reply_markup/inline_keyboard").forEach(row -> row.forEach(button -> labels.add(button.path("text")
                .asText())));
        return labels;
    }

    /** The callback data of the Telegram button labelled {@code label}. */
    private static String data(JsonNode body, String label) {
        for (JsonNode row : body.at("/reply_markup/inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equals(label)) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + body);
    }

    /** The custom id of the Discord button labelled {@code label} (a button's label, whatever it is ticked with). */
    private static String discordData(JsonNode body, String label) {
        for (JsonNode row : body.path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + body);
    }

    private static ObjectNode group() {
        return JSON.createObjectNode().put("id", Long.parseLong(GROUP)).put("title", "Demo Shop staff")
                .put("type", "supergroup");
    }

    private static ObjectNode person(String userId, String name) {
        return JSON.createObjectNode().put("id", Long.parseLong(userId)).put("is_bot", false).put("first_name", name)
                .put("language_code", "en");
    }

    /** A staff member pressed a button on the bot's message {@code messageId} in the staff group. */
    private static String press(String userId, String name, String data, int messageId) {
        long update = UPDATES.incrementAndGet();
        ObjectNode query = JSON.createObjectNode().put("id", "cb" + update).put("chat_instance", "-77").put("data", data);
        query.set("from", person(userId, name));
        ObjectNode message = query.putObject("message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", "ping");
        message.set("chat", group());
        message.set("from", JSON.createObjectNode().put("id", 123456789L).put("is_bot", true).put("first_name", "Bot"));
        ObjectNode root = JSON.createObjectNode().put("update_id", update);
        root.set("callback_query", query);
        return root.toString();
    }

    /** A staff member sent a command ({@code /stage Mina negotiation}) in the staff group. */
    private static String command(String userId, String name, String text) {
        long update = UPDATES.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("message_id", (int) (update % 100000))
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("from", person(userId, name));
        message.set("chat", group());
        message.putArray("entities").addObject().put("offset", 0).put("length", text.split(" ")[0].length())
                .put("type", "bot_command");
        ObjectNode root = JSON.createObjectNode().put("update_id", update);
        root.set("message", message);
        return root.toString();
    }

    /** A staff member replied to the bot's message {@code messageId} in the staff group. */
    private static String reply(String userId, String name, String text, int messageId) {
        long update = UPDATES.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("message_id", (int) (update % 100000))
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("from", person(userId, name));
        message.set("chat", group());
        ObjectNode repliedTo = message.putObject("reply_to_message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", "ping");
        repliedTo.set("chat", group());
        repliedTo.set("from", JSON.createObjectNode().put("id", 123456789L).put("is_bot", true).put("first_name", "Bot"));
        ObjectNode root = JSON.createObjectNode().put("update_id", update);
        root.set("message", message);
        return root.toString();
    }

    /** A staff member replied to the bot's message {@code messageId} in the staff group with a photo. */
    private static String photoReply(String userId, String name, String fileId, String caption, int messageId) {
        ObjectNode root = (ObjectNode) readJson(reply(userId, name, caption, messageId));
        ObjectNode message = (ObjectNode) root.get("message");
        message.remove("text");
        message.put("caption", caption);
        message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("file_size", 4096).put("width", 480).put("height", 320);
        return root.toString();
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staff member wrote in the thread {@code threadId} under a ping. */
    private static ObjectNode threadMessage(FakeDiscord discord, String threadId, String text) {
        ObjectNode message = FakeDiscord.message(discord.nextId(), threadId,
                FakeDiscord.user(JOON_DISCORD, "Joon", false), text);
        message.put("guild_id", GUILD);
        ObjectNode member = message.putObject("member").put("joined_at", "2026-01-05T09:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0);
        member.putArray("roles");
        return message;
    }
}
