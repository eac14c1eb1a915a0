package io.retainbot.core.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

class OutboxDispatcherIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private final ChannelRef alice = new ChannelRef(Platform.TELEGRAM, "6001");
    private final ChannelRef bob = new ChannelRef(Platform.TELEGRAM, "6002");
    private Transactor transactor;
    private RecordingGateway gateway;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        gateway = new RecordingGateway(Platform.TELEGRAM);
        dispatcher = new OutboxDispatcher(transactor, List.of(gateway), Runnable::run, 4, clock, new SimpleMeterRegistry());
    }

    private void enqueue(ChannelRef channel, Lane lane, String text) {
        transactor.inTransaction(session -> session.outbox().enqueue(
                new OutboxItem(channel, lane, OutboundMessage.Text.of(text), null, null, clock.instant())));
    }

    private List<String> sentTexts() {
        return gateway.sent().stream().map(sent -> sent.message().text()).toList();
    }

    private void drain() {
        for (int i = 0; i < 50 && dispatcher.dispatchDue() > 0; i++) {
            // keep sending what is due now
        }
    }

    @Test
    void sendsARepliesBeforeBulkMessagesOfTheSameChat() {
        enqueue(alice, Lane.BULK, "happy member day 1");
        enqueue(alice, Lane.BULK, "happy member day 2");
        enqueue(alice, Lane.REPLY, "your reference is C-1001");
        drain();
        assertThat(sentTexts()).containsExactly("your reference is C-1001", "happy member day 1", "happy member day 2");
    }

    @Test
    void aPlatformThatShowsPhotosGetsThePhotoAndAnotherGetsTheTextAlone() {
        RecordingGateway web = new RecordingGateway(Platform.WEB).showingPhotos();
        OutboxDispatcher both = new OutboxDispatcher(transactor, List.of(gateway, web), Runnable::run, 4, clock,
                new SimpleMeterRegistry());
        OutboundMessage.Text withPhoto = OutboundMessage.Text.of("Our new shop opens on Monday.")
                .withPhoto(new Photo("ph-shopfront"));
        ChannelRef visitor = new ChannelRef(Platform.WEB, "w-6003");
        transactor.runInTransaction(session -> {
            session.outbox().enqueue(new OutboxItem(alice, Lane.BULK, withPhoto, null, null, clock.instant()));
            session.outbox().enqueue(new OutboxItem(visitor, Lane.BULK, withPhoto, null, null, clock.instant()));
        });

        for (int i = 0; i < 50 && both.dispatchDue() > 0; i++) {
            // keep sending what is due now
        }

        assertThat(web.deliveredTo(visitor)).containsExactly(withPhoto);
        assertThat(gateway.deliveredTo(alice)).containsExactly(OutboundMessage.Text.of("Our new shop opens on Monday."));
    }

    @Test
    void keepsTheOrderWithinAChat() {
        for (int i = 0; i < 10; i++) {
            enqueue(alice, Lane.REPLY, "a" + i);
            enqueue(bob, Lane.REPLY, "b" + i);
        }
        drain();
        assertThat(gateway.deliveredTo(alice).stream().map(OutboundMessage::text))
                .containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        assertThat(gateway.deliveredTo(bob)).hasSize(10);
    }

    @Test
    void honoursRetryAfterToTheSecond() {
        gateway.thenAnswer(new SendOutcome.RateLimited(Duration.ofSeconds(30)));
        enqueue(alice, Lane.REPLY, "first");
        enqueue(alice, Lane.REPLY, "second");
        drain();
        assertThat(gateway.sent()).hasSize(1);

        clock.advance(Duration.ofSeconds(29));
        drain();
        assertThat(gateway.sent()).as("nothing inside the retry window").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        drain();
        assertThat(sentTexts()).containsExactly("first", "first", "second");
    }

    @Test
    void aNewReplyWaitsForTheRetryWindowToo() {
        gateway.thenAnswer(new SendOutcome.RateLimited(Duration.ofSeconds(10)));
        enqueue(alice, Lane.BULK, "greeting");
        drain();
        enqueue(alice, Lane.REPLY, "reply");
        drain();
        assertThat(gateway.sent()).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        drain();
        assertThat(sentTexts()).containsExactly("greeting", "reply", "greeting");
    }

    @Test
    void retriesServerErrorsWithBackoffAndRecordsRefusalsOnce() {
        gateway.thenAnswer(new SendOutcome.Failed("502 bad gateway", true), new SendOutcome.Failed("400 bad request", false));
        enqueue(alice, Lane.REPLY, "one");
        enqueue(alice, Lane.REPLY, "two");
        drain();
        assertThat(sentTexts()).containsExactly("one");
        clock.advance(Duration.ofSeconds(1));
        drain();
        assertThat(sentTexts()).as("retried after the backoff, then refused for good").containsExactly("one", "one", "two");
    }

    @Test
    void skipsEverythingPendingForAnUnreachableChat() {
        gateway.thenAnswer(new SendOutcome.Unreachable("Forbidden: bot was blocked by the user"));
        enqueue(alice, Lane.REPLY, "one");
        enqueue(alice, Lane.BULK, "two");
        enqueue(bob, Lane.REPLY, "to bob");
        drain();
        clock.advance(Duration.ofMinutes(10));
        drain();
        assertThat(sentTexts()).containsExactlyInAnyOrder("one", "to bob");
        long pending = transactor.inTransaction(session -> session.outbox().countPending());
        assertThat(pending).isZero();
    }

    @Test
    void pacesEachChat() {
        gateway.withPacing(new Pacing(1, Duration.ofSeconds(1)), 30);
        enqueue(alice, Lane.REPLY, "one");
        enqueue(alice, Lane.REPLY, "two");
        enqueue(bob, Lane.REPLY, "to bob");
        drain();
        assertThat(sentTexts()).containsExactlyInAnyOrder("one", "to bob");
        clock.advance(Duration.ofSeconds(1));
        drain();
        assertThat(sentTexts()).containsExactlyInAnyOrder("one", "to bob", "two");
    }

    @Test
    void aClaimRunAgainAfterLosingARaceTakesItsChatsPacingOnce() throws Exception {
        gateway.withPacing(new Pacing(2, Duration.ofSeconds(1)), 30);
        enqueue(alice, Lane.REPLY, "one");
        enqueue(alice, Lane.REPLY, "two");

        try (AutoCloseable conflict = db.conflictOnce("outbox", "update", "new.claimed_by is not null")) {
            drain();
        }

        assertThat(sentTexts()).as("the chat's burst of two, the claim's first attempt taking none of it")
                .containsExactly("one", "two");
    }

    @Test
    void keepsBulkSendsWithinThePlatformBudget() {
        gateway.withPacing(new Pacing(10, Duration.ofMillis(1)), 2);
        for (int i = 0; i < 6; i++) {
            enqueue(new ChannelRef(Platform.TELEGRAM, "bulk-" + i), Lane.BULK, "offer " + i);
        }
        drain();
        assertThat(gateway.sent()).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        drain();
        assertThat(gateway.sent()).hasSize(4);
    }

    @Test
    void afterTheRetryWindowBulkSendsResumeAtTheBudgetRateNotInABurst() {
        gateway.withPacing(new Pacing(10, Duration.ofMillis(1)), 4);
        gateway.thenAnswer(new SendOutcome.RateLimited(Duration.ofSeconds(5)));
        for (int i = 0; i < 8; i++) {
            enqueue(new ChannelRef(Platform.TELEGRAM, "bulk-" + i), Lane.BULK, "offer " + i);
        }
        drain();
        int beforeTheWindowEnds = gateway.sent().size();
        clock.advance(Duration.ofMillis(4999));
        drain();
        assertThat(gateway.sent()).as("nothing inside the retry window").hasSize(beforeTheWindowEnds);

        clock.advance(Duration.ofMillis(1));
        drain();
        assertThat(gateway.sent()).as("one send when the window ends, not a bucketful")
                .hasSize(beforeTheWindowEnds + 1);
        clock.advance(Duration.ofMillis(250));
        drain();
        assertThat(gateway.sent()).as("then one every quarter of a second").hasSize(beforeTheWindowEnds + 2);
    }

    @Test
    void sendsPickedWithARefusedOneWaitForItsRetryWindowAndSoDoReplies() {
        gateway.withPacing(new Pacing(10, Duration.ofMillis(1)), 30);
        gateway.thenAnswer(new SendOutcome.RateLimited(Duration.ofSeconds(2)));
        for (int i = 0; i < 3; i++) {
            enqueue(new ChannelRef(Platform.TELEGRAM, "bulk-" + i), Lane.BULK, "offer " + i);
        }
        dispatcher.dispatchDue();
        assertThat(gateway.sent()).as("the two picked with the refused one did not go").hasSize(1);
        enqueue(bob, Lane.REPLY, "a reply to someone else");
        clock.advance(Duration.ofMillis(1999));
        drain();
        assertThat(gateway.sent()).as("the wait is the whole bot's").hasSize(1);

        clock.advance(Duration.ofMillis(1));
        for (int i = 0; i < 10; i++) {
            drain();
            clock.advance(Duration.ofMillis(250));
        }
        assertThat(sentTexts().subList(1, sentTexts().size())).as("each once more, the reply first")
                .startsWith("a reply to someone else")
                .containsExactlyInAnyOrder("a reply to someone else", "offer 0", "offer 1", "offer 2");
    }

    @Test
    void aBatchIsQueuedAsOneByOneWouldBeNothingTwiceAndInOrderPerChat() {
        OutboxItem used = new OutboxItem(bob, Lane.BULK, OutboundMessage.Text.of("to bob, once"), null, "run:1:2",
                clock.instant());
        transactor.inTransaction(session -> session.outbox().enqueue(used));
        enqueue(alice, Lane.REPLY, "a reply first");
        List<OutboxItem> batch = List.of(
                new OutboxItem(alice, Lane.BULK, OutboundMessage.Text.of("to alice"), null, "run:1:1", clock.instant()),
                new OutboxItem(alice, Lane.BULK, OutboundMessage.Text.of("to alice, again"), null, "run:9:1",
                        clock.instant()),
                used,
                new OutboxItem(new ChannelRef(Platform.TELEGRAM, "6003"), Lane.BULK, OutboundMessage.Text.of("to carol"),
                        null, "run:1:3", clock.instant()));

        var ids = transactor.inTransaction(session -> session.outbox().enqueueAll(batch));
        drain();

        assertThat(ids).containsOnlyKeys("run:1:1", "run:9:1", "run:1:3");
        assertThat(gateway.deliveredTo(alice).stream().map(OutboundMessage::text))
                .containsExactly("a reply first", "to alice", "to alice, again");
        assertThat(sentTexts()).containsExactlyInAnyOrder("a reply first", "to alice", "to alice, again", "to bob, once",
                "to carol");
    }

    @Test
    void sendsNothingTwiceForTheSameDedupeKey() {
        OutboxItem greeting = new OutboxItem(alice, Lane.BULK, OutboundMessage.Text.of("happy birthday"), null,
                "birthday:2026:6001", clock.instant());
        Optional<Long> first = transactor.inTransaction(session -> session.outbox().enqueue(greeting));
        Optional<Long> second = transactor.inTransaction(session -> session.outbox().enqueue(greeting));
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        drain();
        assertThat(sentTexts()).containsExactly("happy birthday");
    }

    @Test
    void drainLetsASendInFlightFinishAndRecordsItsOutcome() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            OutboxDispatcher threaded = new OutboxDispatcher(transactor, List.of(gateway.holdSends()), senders, 2, clock,
                    new SimpleMeterRegistry());
            enqueue(alice, Lane.REPLY, "in flight at shutdown");
            assertThat(threaded.dispatchDue()).isEqualTo(1);
            Await.until(() -> gateway.heldSends() == 1);

            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> threaded.drain(Duration.ofSeconds(30)));
            Await.until(() -> !drained.isDone() && gateway.heldSends() == 1);
            gateway.answerHeldSends();

            assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sentTexts()).containsExactly("in flight at shutdown");
            assertThat(db.count("select count(*) from outbox where status = 'delivered'")).isEqualTo(1);

            enqueue(bob, Lane.REPLY, "written after stopping");
            assertThat(threaded.dispatchDue()).as("claims nothing after draining").isZero();
            assertThat(sentTexts()).containsExactly("in flight at shutdown");
        } finally {
            gateway.answerHeldSends();
            senders.shutdownNow();
        }
    }
}
