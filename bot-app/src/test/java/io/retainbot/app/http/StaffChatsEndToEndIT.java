package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.Await;
import io.retainbot.discord.DiscordSettings;
import io.retainbot.discord.FakeDiscord;
import io.retainbot.discord.GatewayEvents;
import io.retainbot.telegram.FakeBotApi;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole application, end to end: a complaint filed in the web chat pings the staff chat on a local
 * fake of Telegram's Bot API (and of Discord), a staff member claims and answers it there, the customer
 * reads the answer in the web chat and answers back, and the complaint is resolved from the staff chat.
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

    @Test
    void aWebComplaintIsClaimedAnsweredAndResolvedFromTheTelegramStaffGroup() {
        try (FakeBotApi telegram = new FakeBotApi()) {
            Map<String, String> env = AppTesting.externalDatabase();
            env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
            env.put("TELEGRAM_API_URL", telegram.url().toString());
            env.put("TELEGRAM_STAFF_CHAT_ID", GROUP);
            try (RetainBot bot = RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { })) {
                addStaff(bot, "Joon", Platform.TELEGRAM, JOON_TELEGRAM, JOON_TELEGRAM);
                WebVisitor customer = new WebVisitor(bot.httpPort()).openChat();
                String ref = fileComplaint(customer);

                FakeBotApi.Call ping = await(() -> telegram.sentTo(GROUP).stream()
                        .filter(call -> call.text().startsWith("New complaint " + ref)).findFirst(), "the ping");
                assertThat(ping.text()).contains("Customer: ", "(web)", "The parcel arrived two days late");
                assertThat(ping.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
                        .isEqualTo("staff:claim:" + ref);

                telegram.push(press(JOON_TELEGRAM, "Joon", "staff:claim:" + ref, ping.messageId()));
                await(() -> telegram.calls("editMessageText").stream()
                        .filter(call -> call.body().path("message_id").asInt() == ping.messageId()
                                && call.text().contains("Status: claimed by Joon")).findFirst(), "the ping edited");

                telegram.push(reply(JOON_TELEGRAM, "Joon", "A new box leaves our warehouse today.", ping.messageId()));
                customer.awaitText("A new box leaves our warehouse today.");

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
            }
        }
    }

    @Test
    void aWebComplaintIsClaimedAnsweredInItsThreadAndResolvedFromTheDiscordStaffChannel() throws Exception {
        try (FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF_CHANNEL)) {
            AppConfig fromEnv = AppConfig.fromEnvironment(AppTesting.externalDatabase());
            DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.of(STAFF_CHANNEL), 1, List.of(),
                    20, Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
            AppConfig config = new AppConfig(fromEnv.databaseUrl(), fromEnv.databaseUser(), fromEnv.databasePassword(),
                    fromEnv.dataDir(), fromEnv.httpPort(), fromEnv.adminToken(), fromEnv.businessConfig(),
                    Optional.empty(), Optional.of(settings), fromEnv.webChat(), fromEnv.schedule(),
                    fromEnv.staffDesk(), fromEnv.staffLanguage(), fromEnv.outreach());
            try (RetainBot bot = RetainBot.start(config, Clock.systemUTC(), token -> { })) {
                discord.awaitIdentified();
                addStaff(bot, "Joon", Platform.DISCORD, JOON_DISCORD, STAFF_CHANNEL);
                WebVisitor customer = new WebVisitor(bot.httpPort()).openChat();
                String ref = fileComplaint(customer);

                FakeDiscord.Call thread = await(() -> discord.calls().stream()
                        .filter(call -> call.method().equals("POST")
                                && call.path().matches("/api/v10/channels/" + STAFF_CHANNEL + "/messages/\\d+/threads")
                                && call.body().path("name").asText().startsWith(ref))
                        .findFirst(), "the ping's thread");
                String pingId = thread.path().split("/")[6];

                discord.dispatch("INTERACTION_CREATE", GatewayEvents.guildButton(discord.nextId(), GUILD,
                        STAFF_CHANNEL, JOON_DISCORD, "Joon", "staff:claim:" + ref, pingId));
                await(() -> discord.calls().stream()
                        .filter(call -> call.method().equals("PATCH")
                                && call.path().equals("/api/v10/channels/" + STAFF_CHANNEL + "/messages/" + pingId)
                                && call.content().contains("Status: claimed by Joon")).findFirst(), "the ping edited");

                discord.dispatch("MESSAGE_CREATE", threadMessage(discord, pingId, "A new box leaves our warehouse today."));
                customer.awaitText("A new box leaves our warehouse today.");

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
            }
        }
    }

    private static String fileComplaint(WebVisitor customer) {
        customer.say("/start");
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
        customer.press("Continue without");
        customer.awaitText("Please check your complaint");
        customer.press("Send complaint");
        Matcher reference = REFERENCE.matcher(customer.awaitText("registered under reference"));
        assertThat(reference.find()).isTrue();
        return reference.group();
    }

    private static void addStaff(RetainBot bot, String name, Platform platform, String userId, String chatId) {
        bot.transactor().runInTransaction(session -> {
            StaffMember staff = session.staff().add(name, StaffRole.AGENT, Instant.now());
            session.staff().link(staff.id(), new StaffIdentity(platform, userId, chatId));
        });
    }

    private static <T> T await(Supplier<Optional<T>> found, String what) {
        Await.until(() -> found.get().isPresent(), Await.DEFAULT, () -> "never saw " + what);
        return found.get().orElseThrow();
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

    /** A staff member wrote in the thread {@code threadId} under a ping. */
    private static JsonNode threadMessage(FakeDiscord discord, String threadId, String text) {
        ObjectNode message = FakeDiscord.message(discord.nextId(), threadId,
                FakeDiscord.user(JOON_DISCORD, "Joon", false), text);
        message.put("guild_id", GUILD);
        ObjectNode member = message.putObject("member").put("joined_at", "2026-01-05T09:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0);
        member.putArray("roles");
        return message;
    }
}
