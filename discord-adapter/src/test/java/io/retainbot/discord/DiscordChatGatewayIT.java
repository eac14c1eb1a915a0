package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.Button;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.OutboundMessage;
import io.retainbot.core.conversation.Platform;
import io.retainbot.core.conversation.SendOutcome;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sending through a real JDA to the fake Discord REST API, and what each answer becomes. */
class DiscordChatGatewayIT {
    private static FakeDiscord discord;
    private static DiscordAdapter adapter;
    private static ChatGateway gateway;
    private static int nextUser = 100;

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = new FakeDiscord().withStaffGuild().start();
        adapter = new DiscordAdapter(discord.settings().withStaffChannel(700000000000000010L), BusinessConfig.defaults(),
                MutableClock.at("2026-11-23T08:00:00Z"));
        adapter.start(new RecordingSink(), DiscordTranslationIT::daemon);
        adapter.awaitReady();
        gateway = adapter.gateway();
    }

    @AfterAll
    static void disconnect() {
        adapter.close();
        discord.close();
    }

    /** A fresh customer per test, so each test sees its own DM channel and routes. */
    private static String newUser() {
        return Long.toString(300000000000000000L + nextUser++);
    }

    private static ChannelRef dm(String userId) {
        return new ChannelRef(Platform.DISCORD, userId);
    }

    private static String messagesOf(String userId) {
        return "/channels/" + FakeDiscord.dmChannelOf(userId) + "/messages";
    }

    @Test
    void sendsToTheUsersDirectMessageChannelWithButtonsAsActionRows() {
        String user = newUser();
        OutboundMessage.Text text = new OutboundMessage.Text("What can I do for you?", List.of(
                List.of(new Button("File a complaint", "menu:complaint"), new Button("My complaints", "menu:status")),
                List.of(new Button("Language", "menu:language"))));

        SendOutcome outcome = gateway.send(dm(user), text);

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(discord.calls("POST", "/users/@me/channels")).anySatisfy(call ->
                assertThat(call.body().path("recipient_id").asText()).isEqualTo(user));
        List<FakeDiscord.Call> posts = discord.calls("POST", messagesOf(user));
        assertThat(posts).hasSize(1);
        JsonNode body = posts.get(0).body();
        assertThat(body.path("content").asText()).isEqualTo("What can I do for you?");
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        JsonNode rows = body.path("components");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("type").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("components").get(0).path("custom_id").asText()).isEqualTo("menu:complaint");
        assertThat(rows.get(0).path("components").get(0).path("label").asText()).isEqualTo("File a complaint");
        assertThat(rows.get(1).path("components").get(0).path("custom_id").asText()).isEqualTo("menu:language");
        assertThat(((SendOutcome.Delivered) outcome).messageId()).isNotBlank();
    }

    @Test
    void wrapsRowsOfMoreThanFiveButtons() {
        String user = newUser();
        List<Button> seven = IntStream.range(0, 7).mapToObj(i -> new Button("Option " + i, "pick:" + i)).toList();

        gateway.send(dm(user), new OutboundMessage.Text("Pick one", List.of(seven)));

        JsonNode rows = discord.calls("POST", messagesOf(user)).get(0).body().path("components");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("components")).hasSize(5);
        assertThat(rows.get(1).path("components")).hasSize(2);
    }

    @Test
    void splitsTextsOverTwoThousandCharactersWithButtonsUnderTheLastPart() {
        String user = newUser();
        StringBuilder long_ = new StringBuilder();
        while (long_.length() < 4500) {
            long_.append("The parcel arrived broken and the box was wet. ");
        }

        gateway.send(dm(user), new OutboundMessage.Text(long_.toString().strip(),
                List.of(List.of(new Button("That is all", "intake:desc:done")))));

        List<FakeDiscord.Call> posts = discord.calls("POST", messagesOf(user));
        assertThat(posts).hasSize(3);
        assertThat(FakeDiscord.texts(posts)).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", FakeDiscord.texts(posts))).isEqualTo(long_.toString().strip());
        assertThat(posts.get(0).body().path("components")).isEmpty();
        assertThat(posts.get(2).body().path("components")).hasSize(1);
    }

    @Test
    void editsAnEarlierMessageInPlace() {
        String user = newUser();

        SendOutcome outcome = gateway.send(dm(user), new OutboundMessage.Edit("1310000000000000100", "Chosen: Delivery",
                List.of()));

        assertThat(outcome).isEqualTo(new SendOutcome.Delivered("1310000000000000100"));
        List<FakeDiscord.Call> edits = discord.calls("PATCH", messagesOf(user) + "/1310000000000000100");
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0).body().path("content").asText()).isEqualTo("Chosen: Delivery");
        assertThat(edits.get(0).body().path("components")).isEmpty();
    }

    @Test
    void cannotSendToThisUserMarksUnreachable() {
        String user = newUser();
        discord.failNext("POST", messagesOf(user), 403, 50007, "Cannot send messages to this user");

        SendOutcome outcome = gateway.send(dm(user), OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(((SendOutcome.Unreachable) outcome).reason()).contains("50007");
        assertThat(discord.calls("POST", messagesOf(user))).hasSize(1);
    }

    @Test
    void unknownUserMarksUnreachable() {
        String user = newUser();
        discord.failNext("POST", "/users/@me/channels", 400, 10013, "Unknown User");

        SendOutcome outcome = gateway.send(dm(user), OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(discord.calls("POST", messagesOf(user))).isEmpty();
    }

    @Test
    void forbiddenFailsForGoodAndIsNotRepeated() {
        String user = newUser();
        discord.failNext("POST", messagesOf(user), 403, 50013, "Missing Permissions");

        SendOutcome outcome = gateway.send(dm(user), OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(discord.calls("POST", messagesOf(user))).hasSize(1);
    }

    @Test
    void unknownMessageOnEditFailsForGood() {
        String user = newUser();
        discord.failNext("PATCH", messagesOf(user) + "/\\d+", 404, 10008, "Unknown Message");

        SendOutcome outcome = gateway.send(dm(user), new OutboundMessage.Edit("1310000000000000999", "Chosen", List.of()));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(discord.calls("PATCH", messagesOf(user) + "/\\d+")).hasSize(1);
    }

    @Test
    void serverErrorFailsRetryably() {
        String user = newUser();
        discord.failNext("POST", messagesOf(user), 500, 0, "Internal Server Error");

        SendOutcome outcome = gateway.send(dm(user), OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isTrue();
    }

    @Test
    void tooManyRequestsIsHonouredBeforeTheSameRequestIsMadeAgain() {
        String user = newUser();
        discord.answerNext("POST", messagesOf(user), 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":2.0,\"global\":false}",
                Headers.of("Via", "1.1 google", "Retry-After", "2", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset-After", "2.0", "X-RateLimit-Bucket", "fake-bucket", "X-RateLimit-Scope", "user"));

        SendOutcome outcome = gateway.send(dm(user), OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        List<FakeDiscord.Call> posts = discord.calls("POST", messagesOf(user));
        assertThat(posts).hasSize(2);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void postsInTheStaffChannelAndOpensAThreadThatCanBeWrittenTo() {
        DiscordStaffChannel staff = adapter.staffPosts().orElseThrow();

        SendOutcome posted = staff.post("New complaint C-1042 (Delivery)", List.of(List.of(new Button("Take it", "staff:take:1042"))));
        ChannelRef thread = staff.openThread("C-1042 Delivery", "Complaint C-1042: the parcel arrived broken", List.of());
        SendOutcome inThread = gateway.send(thread, OutboundMessage.Text.of("I will call the customer"));

        assertThat(posted).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(staff.ref()).isEqualTo(new ChannelRef(Platform.DISCORD, "channel:700000000000000010"));
        assertThat(adapter.staffChannel()).contains(staff.ref());
        List<FakeDiscord.Call> staffPosts = discord.calls("POST", "/channels/700000000000000010/messages");
        assertThat(FakeDiscord.texts(staffPosts)).containsExactly("New complaint C-1042 (Delivery)",
                "Complaint C-1042: the parcel arrived broken");
        assertThat(staffPosts.get(0).body().path("components").get(0).path("components").get(0).path("custom_id").asText())
                .isEqualTo("staff:take:1042");
        assertThat(discord.calls("POST", "/channels/700000000000000010/messages/\\d+/threads")).singleElement()
                .satisfies(call -> assertThat(call.body().path("name").asText()).isEqualTo("C-1042 Delivery"));
        assertThat(thread.chatId()).startsWith("channel:").isNotEqualTo(staff.ref().chatId());
        assertThat(inThread).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(discord.calls("POST", "/channels/" + thread.chatId().substring("channel:".length()) + "/messages"))
                .hasSize(1);
    }

    @Test
    void globalSlashCommandsAreRegisteredWithKoreanLocalizationsForDirectMessages() {
        List<FakeDiscord.Call> puts = new ArrayList<>(discord.calls("PUT", "/applications/" + FakeDiscord.APPLICATION_ID
                + "/commands"));

        assertThat(puts).isNotEmpty();
        JsonNode commands = puts.get(0).body();
        List<String> names = new ArrayList<>();
        commands.forEach(command -> names.add(command.path("name").asText()));
        assertThat(names).containsExactly("complaint", "status", "language", "stop", "help");
        JsonNode complaint = commands.get(0);
        assertThat(complaint.path("name_localizations").path("ko").asText()).isEqualTo("불편접수");
        assertThat(complaint.path("description_localizations").path("ko").asText()).isEqualTo("불편 사항을 한 번에 접수하기");
        assertThat(complaint.path("contexts")).hasSize(1);
        assertThat(complaint.path("contexts").get(0).asInt()).isEqualTo(1);
        assertThat(commands.get(2).path("options").get(0).path("choices")).hasSize(3);
    }

    @Test
    void identifiesWithDirectMessageAndStaffChannelIntentsOnly() {
        int intents = discord.identifies().get(0).path("intents").asInt();
        int guilds = 1;
        int guildMessages = 1 << 9;
        int directMessages = 1 << 12;
        int messageContent = 1 << 15;

        assertThat(intents).isEqualTo(guilds | guildMessages | directMessages | messageContent);
    }
}
