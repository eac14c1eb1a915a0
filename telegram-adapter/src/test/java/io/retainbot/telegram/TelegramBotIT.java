package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole bot on Telegram, against a fake Bot API over real HTTP: engine, outbox and adapter as in production. */
class TelegramBotIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String STAFF_CHAT = "-1002000000001";
    private static final AtomicLong UPDATE_IDS = new AtomicLong(900_000);

    private final FakeBotApi telegram = new FakeBotApi();
    private final Transactor transactor = db.database().transactor();
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private OutboxDispatcher dispatcher;
    private ConversationEngine engine;
    private TelegramAdapter adapter;

    @BeforeEach
    void start() {
        TelegramSettings settings = settings(TelegramSettings.Mode.POLLING);
        adapter = new TelegramAdapter(settings, Clock.systemUTC(), Duration.ofSeconds(1));
        db.truncateAll();
        dispatcher = new OutboxDispatcher(transactor, List.of(adapter.gateway()), senders, 4, Clock.systemUTC(),
                new SimpleMeterRegistry());
        dispatcher.start(Thread::new);
        engine = new ConversationEngine(transactor, Messages.builtIn(), BusinessConfig.defaults(),
                Set.of(new ChannelRef(Platform.TELEGRAM, STAFF_CHAT)), Clock.systemUTC(), dispatcher::wakeUp);
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.close();
        dispatcher.close();
        senders.shutdown();
        senders.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        telegram.close();
    }

    @Test
    void takesACustomerFromStartToAFiledComplaintWithButtons() {
        adapter.start(engine, db.database().cursors(), Thread::new);
        long ana = 7001;

        say(ana, "/start");
        awaitSent(ana, "May RetainBot Demo Shop send you");
        press(ana, "No, thank you");
        awaitSent(ana, "no greetings or offers");
        say(ana, "/complaint");
        awaitSent(ana, "What is it about?");
        press(ana, "Delivery");
        awaitSent(ana, "Please describe what happened (Delivery)");
        say(ana, "The courier left the parcel in the rain and everything is soaked.");
        awaitSent(ana, "order or reference number");
        press(ana, "Skip");
        awaitSent(ana, "photos or files");
        press(ana, "Continue without");
        awaitSent(ana, "Please check your complaint");
        press(ana, "Send complaint");
        String acknowledgement = awaitSent(ana, "registered under reference").text();

        assertThat(acknowledgement).containsPattern("C-\\d+");
        // Five buttons pressed, each answered once, after the engine committed it (so possibly after the reply went out).
        Await.until(() -> telegram.calls("answerCallbackQuery").size() >= 5);
        assertThat(telegram.calls("answerCallbackQuery")).hasSize(5);
        assertThat(telegram.calls("deleteWebhook")).hasSize(1);
        Await.until(() -> storedOffset() > 0 && telegram.confirmedOffset() == storedOffset());
    }

    @Test
    void greetsInTheUsersLanguageAndPublishesTheMenuInEachLanguage() {
        adapter.start(engine, db.database().cursors(), Thread::new);

        say(7002, "/start", "ko");
        say(7003, "/start", "tl");

        awaitSent(7002, "안녕하십니까");
        awaitSent(7003, "Magandang araw po");
        assertThat(telegram.calls("setMyCommands")).extracting(call -> call.body().path("language_code").asText(""))
                .containsExactlyInAnyOrder("", "en", "ko", "tl");
        assertThat(telegram.calls("setMyCommands").get(0).body().path("commands").findValuesAsText("command"))
                .containsExactly("start", "complaint", "status", "language", "stop", "help", "cancel");
    }

    @Test
    void anUpdateThatFailedBeforeTheCommitComesAgainAndIsHandledOnce() {
        AtomicBoolean failedOnce = new AtomicBoolean();
        EventSink crashingOnce = event -> {
            if (event instanceof InboundEvent.CommandReceived && failedOnce.compareAndSet(false, true)) {
                throw new StoreUnavailableException("database went away", null);
            }
            return engine.accept(event);
        };
        adapter.start(crashingOnce, db.database().cursors(), Thread::new);

        say(7004, "/start");
        awaitSent(7004, "May RetainBot Demo Shop send you");

        assertThat(failedOnce).isTrue();
        assertThat(inboxRows()).isEqualTo(1);
        assertThat(telegram.sentTo("7004")).filteredOn(call -> call.text().contains("May RetainBot Demo Shop"))
                .hasSize(1);
    }

    @Test
    void anUpdateDeliveredAgainAfterARestartIsNotAnsweredTwice() {
        adapter.start(engine, db.database().cursors(), Thread::new);
        String start = Updates.text(UPDATE_IDS.incrementAndGet(), 7005, "Ben", "en", "/start");
        telegram.push(start);
        awaitSent(7005, "May RetainBot Demo Shop send you");
        Await.until(() -> storedOffset() > 0);
        adapter.close();

        // A crash after the commit and before the offset moved: the same update comes again.
        transactor.runInTransaction(session -> session.cursors().save(LongPoller.CURSOR, "0"));
        telegram.push(start);
        say(7005, "/help");
        adapter = new TelegramAdapter(settings(TelegramSettings.Mode.POLLING), Clock.systemUTC(), Duration.ofSeconds(1));
        adapter.start(engine, db.database().cursors(), Thread::new);
        awaitSent(7005, "Here is what I can do");

        assertThat(telegram.sentTo("7005")).filteredOn(call -> call.text().contains("May RetainBot Demo Shop"))
                .hasSize(1);
    }

    @Test
    void honoursRetryAfterAndNeverAsksSooner() {
        telegram.failNext("sendMessage", call -> call.chatId().equals("7006"), 429, "Too Many Requests: retry after 2", 2);
        adapter.start(engine, db.database().cursors(), Thread::new);

        say(7006, "/start");
        awaitSent(7006, "May RetainBot Demo Shop send you");

        List<FakeBotApi.Call> calls = telegram.sentTo("7006");
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void marksABlockedUserUnreachableAndStopsSendingToThem() {
        telegram.failNext("sendMessage", call -> call.chatId().equals("7007"), 403,
                "Forbidden: bot was blocked by the user", null);
        adapter.start(engine, db.database().cursors(), Thread::new);

        say(7007, "/start");
        Await.until(() -> identity("7007").map(identity -> !identity.reachable()).orElse(false));
        Await.until(() -> pendingFor("7007") == 0);

        assertThat(telegram.sentTo("7007")).hasSize(1);
    }

    @Test
    void readsTheStaffGroupButLetsNoUnlistedPersonActThere() {
        List<EventSink.Receipt> receipts = new CopyOnWriteArrayList<>();
        adapter.start(event -> {
            EventSink.Receipt receipt = engine.accept(event);
            receipts.add(receipt);
            return receipt;
        }, db.database().cursors(), Thread::new);

        telegram.push("""
                {"update_id":%d,"message":{"message_id":91,"date":%d,"text":"I will take C-1042",
                 "from":{"id":6000000007,"is_bot":false,"first_name":"Jun","language_code":"ko"},
                 "chat":{"id":%s,"title":"Demo Shop staff","type":"supergroup"}}}"""
                .formatted(UPDATE_IDS.incrementAndGet(), java.time.Instant.now().getEpochSecond(), STAFF_CHAT));
        say(7009, "/help");
        awaitSent(7009, "Here is what I can do");
        Await.until(() -> receipts.size() == 2);

        assertThat(receipts).containsExactly(EventSink.Receipt.IGNORED, EventSink.Receipt.HANDLED);
        assertThat(telegram.sentTo(STAFF_CHAT)).isEmpty();
    }

    @Test
    void postsToTheStaffGroupWithButtonsAtGroupPace() {
        ChannelRef staff = adapter.staffChannel().orElseThrow();

        SendOutcome outcome = adapter.gateway().send(staff, new OutboundMessage.Text("New complaint C-1042",
                List.of(List.of(new Button("I'll take it", "staff:take:1042")))));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(telegram.sentTo(STAFF_CHAT)).singleElement().satisfies(call -> assertThat(
                call.body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("staff:take:1042"));
        assertThat(adapter.gateway().pacing(staff)).isEqualTo(new Pacing(1, Duration.ofSeconds(3)));
    }

    @Test
    void webhookAcceptsTheRightSecretOnlyAndRegistersIt() {
        adapter = new TelegramAdapter(settings(TelegramSettings.Mode.WEBHOOK), Clock.systemUTC(), Duration.ofSeconds(1));
        adapter.start(engine, db.database().cursors(), Thread::new);
        WebhookHandler webhook = adapter.webhookHandler().orElseThrow();
        String update = Updates.text(UPDATE_IDS.incrementAndGet(), 7008, "Cleo", "en", "/start");

        WebhookHandler.Answer wrong = webhook.handle("not-the-secret-at-all", update);
        WebhookHandler.Answer missing = webhook.handle(null, update);
        long rowsAfterRefusals = inboxRows();
        WebhookHandler.Answer right = webhook.handle("webhook-secret-0123456789", update);
        WebhookHandler.Answer again = webhook.handle("webhook-secret-0123456789", update);
        WebhookHandler.Answer garbage = webhook.handle("webhook-secret-0123456789", "{not json");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(rowsAfterRefusals).isZero();
        assertThat(right.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(inboxRows()).isEqualTo(1);
        assertThat(telegram.calls("setWebhook")).singleElement()
                .satisfies(call -> assertThat(call.raw()).contains("webhook-secret-0123456789")
                        .contains("https://bot.example.com/telegram/webhook"));
        awaitSent(7008, "May RetainBot Demo Shop send you");
    }

    private TelegramSettings settings(TelegramSettings.Mode mode) {
        boolean webhook = mode == TelegramSettings.Mode.WEBHOOK;
        return new TelegramSettings(FakeBotApi.TOKEN, telegram.url(), mode,
                webhook ? Optional.of(java.net.URI.create("https://bot.example.com/telegram/webhook")) : Optional.empty(),
                webhook ? Optional.of("webhook-secret-0123456789") : Optional.empty(), Optional.of(STAFF_CHAT), 30, false);
    }

    private void say(long userId, String text) {
        say(userId, text, "en");
    }

    private void say(long userId, String text, String language) {
        telegram.push(Updates.text(UPDATE_IDS.incrementAndGet(), userId, "User" + userId, language, text));
    }

    /** Presses the button labelled {@code label} on the newest message to the user that has it. */
    private void press(long userId, String label) {
        List<FakeBotApi.Call> sent = telegram.sentTo(String.valueOf(userId));
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (JsonNode row : sent.get(i).body().path("reply_markup").path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("text").asText().equals(label)) {
                        telegram.push(Updates.press(UPDATE_IDS.incrementAndGet(), userId, "User" + userId, "en",
                                button.path("callback_data").asText(), sent.get(i).messageId()));
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\" sent to " + userId);
    }

    private FakeBotApi.Call awaitSent(long userId, String containing) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FakeBotApi.Call> found = telegram.sentTo(String.valueOf(userId)).stream()
                    .filter(call -> call.text().contains(containing)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Await.pause();
        }
        throw new AssertionError("never sent \"" + containing + "\" to " + userId + "; sent "
                + telegram.sentTo(String.valueOf(userId)).stream().map(FakeBotApi.Call::text).toList());
    }

    private long storedOffset() {
        return transactor.inTransaction(session -> session.cursors().find(LongPoller.CURSOR)).map(Long::parseLong)
                .orElse(0L);
    }

    private Optional<ChannelIdentity> identity(String userId) {
        return transactor.inTransaction(session -> session.customers().identity(Platform.TELEGRAM, userId));
    }

    private long inboxRows() {
        return db.count("select count(*) from inbox where platform = 'telegram'");
    }

    private long pendingFor(String chatId) {
        return db.count("select count(*) from outbox where chat_id = '" + chatId + "' and status in ('pending', 'sending')");
    }

}
