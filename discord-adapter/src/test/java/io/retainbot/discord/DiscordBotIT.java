package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole bot on Discord, against a fake REST server and gateway: engine, outbox and adapter as in production. */
class DiscordBotIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final FakeDiscord discord = new FakeDiscord();
    private final Transactor transactor = db.database().transactor();
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private OutboxDispatcher dispatcher;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        db.truncateAll();
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC());
        dispatcher = new OutboxDispatcher(transactor, List.of(adapter.gateway()), senders, 4, Clock.systemUTC(),
                new SimpleMeterRegistry());
        dispatcher.start(Thread::new);
        ConversationEngine engine = new ConversationEngine(transactor, Messages.builtIn(), BusinessConfig.defaults(),
                Set.of(), Clock.systemUTC(), dispatcher::wakeUp);
        adapter.start(engine);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.close();
        dispatcher.close();
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        discord.close();
    }

    @Test
    void answersADirectMessageInTheSameChannel() {
        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), "400000000000000001", "ana",
                "Hello, my order is late"));

        awaitSent("400000000000000001", "welcome to RetainBot Demo Shop");
        FakeDiscord.Call consent = awaitSent("400000000000000001", "May RetainBot Demo Shop send you");

        assertThat(consent.body().path("components").findValuesAsText("label")).contains("Yes, please", "No, thank you");
        assertThat(consent.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(consent.body().path("allowed_mentions").has("parse")).isTrue();
    }

    @Test
    void handlesAGatewayEventDeliveredTwiceOnce() {
        String user = "400000000000000007";
        com.fasterxml.jackson.databind.node.ObjectNode message = GatewayEvents.directMessage(discord.nextId(), user,
                "fay", "/start");

        discord.dispatch("MESSAGE_CREATE", message);
        discord.dispatch("MESSAGE_CREATE", message);
        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "fay", "/help"));
        awaitSent(user, "Here is what I can do");

        assertThat(discord.sentTo(user)).filteredOn(call -> call.content().contains("May RetainBot Demo Shop"))
                .hasSize(1);
    }

    @Test
    void aButtonPressContinuesTheFlowAndIsAcknowledgedAtOnce() {
        String user = "400000000000000002";
        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "ben", "/start"));
        FakeDiscord.Call ask = awaitSent(user, "May RetainBot Demo Shop send you");
        String interaction = discord.nextId();

        discord.dispatch("INTERACTION_CREATE", GatewayEvents.button(interaction, user, "ben",
                customId(ask, "No, thank you"), discord.nextId()));

        awaitSent(user, "no greetings or offers");
        assertThat(discord.callbacks(interaction)).extracting(call -> call.body().path("type").asInt()).containsExactly(6);
    }

    @Test
    void filesAComplaintInOneStepThroughTheForm() {
        String user = "400000000000000003";
        String command = discord.nextId();
        discord.dispatch("INTERACTION_CREATE", GatewayEvents.slashCommand(command, user, "mina", "ko", "complaint"));
        Await.until(() -> !discord.callbacks(command).isEmpty());
        JsonNode modal = discord.callbacks(command).get(0).body();

        String submit = discord.nextId();
        discord.dispatch("INTERACTION_CREATE", GatewayEvents.complaintForm(submit, user, "mina", "ko", "delivery",
                "택배 상자가 찌그러져서 안에 있던 컵이 깨졌어요."));
        FakeDiscord.Call acknowledgement = awaitSent(user, "접수가 완료되었습니다");

        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.at("/data/custom_id").asText()).isEqualTo("complaint");
        assertThat(modal.at("/data/title").asText()).isEqualTo("불편 접수하기");
        assertThat(modal.path("data").findValuesAsText("value")).contains("delivery", "product", "service");
        assertThat(modal.path("data").findValuesAsText("label")).contains("배송", "분류", "내용");
        assertThat(acknowledgement.content()).containsPattern("C-\\d+");
        assertThat(discord.callbacks(submit)).extracting(call -> call.body().path("type").asInt()).containsExactly(5);
        Await.until(() -> discord.calls().stream().anyMatch(call -> call.method().equals("DELETE")
                && call.path().contains("token-" + submit)), Await.DEFAULT, discord::calls);
    }

    @Test
    void marksAUserWhoCannotBeMessagedUnreachable() {
        String user = "400000000000000004";
        discord.failNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), 403,
                "{\"message\":\"Cannot send messages to this user\",\"code\":50007}", Map.of());

        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "cleo", "/start"));

        Await.until(() -> identity(user).map(identity -> !identity.reachable()).orElse(false));
        Await.until(() -> openOutbox(user) == 0);
        assertThat(discord.sentTo(user)).hasSize(1);
    }

    @Test
    void neverRetriesAForbiddenRequest() {
        String user = "400000000000000005";
        discord.failNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), 403,
                "{\"message\":\"Missing Access\",\"code\":50001}", Map.of());

        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "dan", "help"));

        assertEveryMessagePostedOnceWithOneRefused(user);
    }

    @Test
    void neverRetriesAnUnauthorizedRequestThatDiscordAnswersWithCodeZero() {
        String user = "400000000000000008";
        discord.failNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), 401,
                "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());

        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "gus", "help"));

        assertEveryMessagePostedOnceWithOneRefused(user);
    }

    @Test
    void honoursARateLimitFromDiscord() {
        String user = "400000000000000006";
        discord.failNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}",
                Map.of("Retry-After", "1", "X-RateLimit-Scope", "user", "X-RateLimit-Bucket", "fake-bucket",
                        "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.0"));

        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), user, "eve", "/start"));
        Await.until(() -> discord.sentTo(user).size() >= 2);

        List<FakeDiscord.Call> posts = discord.sentTo(user);
        assertThat(posts.get(1).content()).isEqualTo(posts.get(0).content());
        assertThat(FakeDiscord.between(posts.get(0), posts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    private static String customId(FakeDiscord.Call message, String label) {
        for (JsonNode row : message.body().path("components")) {
            for (JsonNode button : row.path("components")) {
                if (button.path("label").asText().equals(label)) {
                    return button.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + message.body());
    }

    private FakeDiscord.Call awaitSent(String userId, String containing) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FakeDiscord.Call> found = discord.sentTo(userId).stream()
                    .filter(call -> call.content().contains(containing)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Await.pause();
        }
        throw new AssertionError("never sent \"" + containing + "\" to " + userId + "; calls: " + discord.calls());
    }

    private Optional<ChannelIdentity> identity(String userId) {
        return transactor.inTransaction(session -> session.customers().identity(Platform.DISCORD, userId));
    }

    private long openOutbox(String userId) {
        return db.count("select count(*) from outbox where chat_id = 'dm:" + userId + "' and status in ('pending', 'sending')");
    }

    /**
     * Waits until every reply to the user is finished, whatever the order the sends took: the refused
     * one was posted once and never again, and the replies after it once each.
     */
    private void assertEveryMessagePostedOnceWithOneRefused(String user) {
        Await.until(() -> failedOutbox(user) == 1 && db.count("select count(*) from outbox where chat_id = 'dm:"
                + user + "' and status in ('pending', 'sending')") == 0);
        long replies = db.count("select count(*) from outbox where chat_id = 'dm:" + user + "'");
        assertThat(discord.sentTo(user)).hasSize((int) replies);
    }

    private long failedOutbox(String userId) {
        return db.count("select count(*) from outbox where chat_id = 'dm:" + userId + "' and status = 'failed'");
    }

}
