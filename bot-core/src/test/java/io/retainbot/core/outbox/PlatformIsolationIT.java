package io.retainbot.core.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform that hangs holds only its own senders; bulk never holds every sender of a platform. */
class PlatformIsolationIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Clock clock = Clock.systemUTC();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final RecordingGateway telegram = new RecordingGateway(Platform.TELEGRAM);
    private final RecordingGateway web = new RecordingGateway(Platform.WEB);
    private Transactor transactor;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        dispatcher = new OutboxDispatcher(transactor, List.of(senders(telegram, 4), senders(web, 4)),
                "isolation", clock, new SimpleMeterRegistry());
        dispatcher.start(Thread::new);
    }

    @AfterEach
    void tearDown() {
        telegram.answerHeldSends();
        web.answerHeldSends();
        dispatcher.drain(Duration.ofSeconds(10));
        pools.forEach(ExecutorService::shutdownNow);
    }

    private PlatformSenders senders(RecordingGateway gateway, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        pools.add(pool);
        return new PlatformSenders(gateway, pool, concurrency);
    }

    private void enqueue(ChannelRef channel, Lane lane, String text) {
        transactor.inTransaction(session -> session.outbox().enqueue(
                new OutboxItem(channel, lane, OutboundMessage.Text.of(text), null, null, clock.instant())));
        dispatcher.wakeUp();
    }

    @Test
    void webChatRepliesGoOutWhileTelegramNeverAnswers() {
        telegram.holdSends();
        for (int i = 0; i < 10; i++) {
            enqueue(new ChannelRef(Platform.TELEGRAM, "tg-" + i), Lane.REPLY, "telegram reply " + i);
        }
        Await.until(() -> telegram.heldSends() == 4);

        for (int i = 0; i < 10; i++) {
            enqueue(new ChannelRef(Platform.WEB, "visitor-" + i), Lane.REPLY, "web reply " + i);
        }
        Await.until(() -> web.sent().size() == 10, Await.DEFAULT, web::sent);

        assertThat(telegram.heldSends()).as("Telegram still has not answered").isEqualTo(4);
        assertThat(telegram.sent()).isEmpty();
        telegram.answerHeldSends();
        Await.until(() -> telegram.sent().size() == 10, Await.DEFAULT, telegram::sent);
    }

    @Test
    void aReplyGoesOutWhileBulkSendsHoldTheirShareOfThePlatformsSenders() {
        telegram.holdSends();
        for (int i = 0; i < 20; i++) {
            enqueue(new ChannelRef(Platform.TELEGRAM, "member-" + i), Lane.BULK, "member day " + i);
        }
        Await.until(() -> telegram.heldSends() == 3);
        assertThat(db.count("select count(*) from outbox where lane = 'bulk' and status = 'sending'"))
                .as("three of four senders at most for bulk").isEqualTo(3);

        enqueue(new ChannelRef(Platform.TELEGRAM, "customer"), Lane.REPLY, "your reference is C-1001");
        Await.until(() -> telegram.heldSends() == 4);
        assertThat(db.count("select count(*) from outbox where lane = 'reply' and status = 'sending'")).isEqualTo(1);
        telegram.answerHeldSends();
        Await.until(() -> telegram.sent().size() == 21, Await.DEFAULT, () -> telegram.sent().size());
    }
}
