package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The polling loop against a fake Bot API, with the offset in a real database and a sink that records. */
class LongPollerIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final FakeBotApi telegram = new FakeBotApi();
    private final Transactor transactor = db.database().transactor();
    private final List<LongPoller> pollers = new ArrayList<>();

    @BeforeEach
    void cleanDatabase() {
        db.truncateAll();
    }

    @AfterEach
    void stop() {
        pollers.forEach(LongPoller::close);
        telegram.close();
    }

    @Test
    void movesTheOffsetOnlyPastUpdatesTheSinkAccepted() throws Exception {
        telegram.push(Updates.text(10, 7101, "Ana", "en", "hello"))
                .push(Updates.text(11, 7101, "Ana", "en", "/status"))
                .push(Updates.text(12, 7101, "Ana", "en", "thanks"));
        List<String> offsetWhileAccepting = new ArrayList<>();
        RecordingSink sink = new RecordingSink(event -> {
            offsetWhileAccepting.add(event.eventId() + "@" + storedOffset().orElse("none"));
            return EventSink.Receipt.HANDLED;
        });

        int taken = poller(sink).pollOnce();

        assertThat(taken).isEqualTo(3);
        assertThat(offsetWhileAccepting).containsExactly("u10@none", "u11@11", "u12@12");
        assertThat(storedOffset()).contains("13");
    }

    @Test
    void offersAnUpdateAgainAfterTheSinkFailedAndSkipsNothing() {
        telegram.push(Updates.text(20, 7102, "Ben", "en", "/start"))
                .push(Updates.press(21, 7102, "Ben", "en", "consent:no", 600))
                .push(Updates.text(22, 7102, "Ben", "en", "/help"));
        RecordingSink sink = new RecordingSink(new Function<>() {
            private boolean failed;

            @Override
            public EventSink.Receipt apply(InboundEvent event) {
                if (event.eventId().equals("u21") && !failed) {
                    failed = true;
                    throw new StoreUnavailableException("database went away", null);
                }
                return EventSink.Receipt.HANDLED;
            }
        });
        poller(sink).start(Thread::new);

        Await.until(() -> sink.accepted().contains("u22"));

        assertThat(sink.offered()).containsExactly("u20", "u21", "u21", "u22");
        assertThat(sink.accepted()).containsExactly("u20", "u21", "u22");
        assertThat(telegram.calls("answerCallbackQuery")).singleElement()
                .satisfies(call -> assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cb21"));
        Await.until(() -> storedOffset().equals(Optional.of("23")));
    }

    @Test
    void keepsPollingAfterTheBotApiFailedOrConflicted() {
        telegram.failNext("getUpdates", call -> true, 502, "Bad Gateway", null)
                .failNext("getUpdates", call -> true, 409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
                                + "webhook first", null)
                .push(Updates.text(25, 7107, "Gia", "en", "still there?"));
        RecordingSink sink = new RecordingSink(event -> EventSink.Receipt.HANDLED);

        poller(sink).start(Thread::new);

        Await.until(() -> sink.accepted().contains("u25"));
        Await.until(() -> storedOffset().equals(Optional.of("26")));
    }

    @Test
    void aNewPollerResumesFromTheStoredOffset() throws Exception {
        telegram.push(Updates.text(30, 7103, "Cleo", "en", "one"))
                .push(Updates.text(31, 7103, "Cleo", "en", "two"));
        poller(new RecordingSink(event -> EventSink.Receipt.HANDLED)).pollOnce();
        telegram.push(Updates.text(32, 7103, "Cleo", "en", "three"));
        RecordingSink afterRestart = new RecordingSink(event -> EventSink.Receipt.HANDLED);

        poller(afterRestart).pollOnce();

        assertThat(telegram.confirmedOffset()).isEqualTo(32);
        assertThat(afterRestart.offered()).containsExactly("u32");
        assertThat(storedOffset()).contains("33");
    }

    @Test
    void skipsAnUpdateItCannotReadAndCarriesOn() throws Exception {
        telegram.push("{\"update_id\":40,\"message\":{\"message_id\":9,\"date\":1763875200,\"text\":\"no chat\"}}")
                .push(Updates.text(41, 7104, "Dan", "en", "hello"));
        RecordingSink sink = new RecordingSink(event -> EventSink.Receipt.HANDLED);

        poller(sink).pollOnce();

        assertThat(sink.offered()).containsExactly("u41");
        assertThat(storedOffset()).contains("42");
    }

    @Test
    void handsAnUpdateSeenTwiceToTheEngineWhichHandlesItOnce() throws Exception {
        EngineFixture engine = EngineFixture.start(db, "2026-11-23T02:00:00Z", "Asia/Seoul");
        RecordingSink sink = new RecordingSink(event -> engine.engine().accept(event));
        telegram.push(Updates.text(50, 7105, "Eun", "ko", "/start"));
        LongPoller poller = poller(sink);
        poller.pollOnce();

        // The offset was lost after the commit (a crash in between): Telegram delivers the update again.
        transactor.runInTransaction(session -> session.cursors().save(LongPoller.CURSOR, "50"));
        poller.pollOnce();

        assertThat(sink.offered()).containsExactly("u50", "u50");
        assertThat(sink.receipts()).containsExactly(EventSink.Receipt.HANDLED, EventSink.Receipt.DUPLICATE);
        assertThat(storedOffset()).contains("51");
    }

    @Test
    void stopsItsThreadOnClose() {
        AtomicReference<Thread> pollingThread = new AtomicReference<>();
        LongPoller poller = poller(new RecordingSink(event -> EventSink.Receipt.HANDLED));
        poller.start(task -> {
            pollingThread.set(new Thread(task, "telegram-polling-test"));
            return pollingThread.get();
        });
        telegram.push(Updates.text(60, 7106, "Fe", "en", "hello"));
        Await.until(() -> storedOffset().equals(Optional.of("61")));

        poller.close();

        assertThat(pollingThread.get().isAlive()).isFalse();
    }

    private LongPoller poller(EventSink sink) {
        BotApi api = new BotApi(FakeBotApi.TOKEN, telegram.url());
        UpdateIntake intake = new UpdateIntake(new UpdateTranslator(Optional.empty(), Clock.systemUTC()), sink, api);
        LongPoller poller = new LongPoller(api, intake, db.database().cursors(), Duration.ofSeconds(1));
        pollers.add(poller);
        return poller;
    }

    private Optional<String> storedOffset() {
        return transactor.inTransaction(session -> session.cursors().find(LongPoller.CURSOR));
    }

    /** Records every event offered, and the ones accepted with their receipts, in order. */
    private static final class RecordingSink implements EventSink {
        private final Function<InboundEvent, Receipt> behaviour;
        private final List<String> offered = new ArrayList<>();
        private final List<String> accepted = new ArrayList<>();
        private final List<Receipt> receipts = new ArrayList<>();

        RecordingSink(Function<InboundEvent, Receipt> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public Receipt accept(InboundEvent event) {
            synchronized (this) {
                offered.add(event.eventId());
            }
            Receipt receipt = behaviour.apply(event);
            synchronized (this) {
                accepted.add(event.eventId());
                receipts.add(receipt);
            }
            return receipt;
        }

        synchronized List<String> offered() {
            return List.copyOf(offered);
        }

        synchronized List<String> accepted() {
            return List.copyOf(accepted);
        }

        synchronized List<Receipt> receipts() {
            return List.copyOf(receipts);
        }
    }
}
