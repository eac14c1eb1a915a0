package io.retainbot.core.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.Dispatchers;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

/** Several dispatchers on one database: nothing sent twice, and a dead one's claims taken over. */
class OutboxInstancesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Dispatchers dispatchers = new Dispatchers(db);
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
    }

    private OutboxDispatcher dispatcher(RecordingGateway gateway, Clock clock, String instance) {
        return dispatchers.instance(instance, gateway, 8, clock);
    }

    private void enqueue(ChannelRef channel, String text, Clock clock) {
        transactor.inTransaction(session -> session.outbox().enqueue(
                OutboxItem.reply(channel, OutboundMessage.Text.of(text), null, clock.instant())));
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachOfTenThousandMessagesExactlyOnce() {
        Clock clock = Clock.systemUTC();
        int chats = 1_000;
        int perChat = 10;
        transactor.runInTransaction(session -> {
            for (int round = 0; round < perChat; round++) {
                for (int chat = 0; chat < chats; chat++) {
                    session.outbox().enqueue(OutboxItem.reply(new ChannelRef(Platform.WEB, "chat-" + chat),
                            OutboundMessage.Text.of("chat-" + chat + " #" + round), null, clock.instant()));
                }
            }
        });
        RecordingGateway first = new RecordingGateway(Platform.WEB);
        RecordingGateway second = new RecordingGateway(Platform.WEB);
        dispatcher(first, clock, "instance-a").start(Thread::new);
        dispatcher(second, clock, "instance-b").start(Thread::new);

        Await.until(() -> db.count("select count(*) from outbox where status = 'delivered'") == chats * perChat,
                Duration.ofMinutes(5), () -> db.count("select count(*) from outbox where status = 'delivered'"));

        List<RecordingGateway.Sent> sent = Stream.concat(first.sent().stream(), second.sent().stream()).toList();
        Map<String, Long> timesSent = sent.stream()
                .collect(Collectors.groupingBy(item -> item.message().text(), Collectors.counting()));
        assertThat(sent).hasSize(chats * perChat);
        assertThat(timesSent).hasSize(chats * perChat).allSatisfy((text, times) -> assertThat(times).isEqualTo(1));
        assertThat(first.sent()).as("both instances took part").isNotEmpty();
        assertThat(second.sent()).as("both instances took part").isNotEmpty();
        assertThat(db.count("select count(*) from outbox_chat")).as("no chat left with a head").isZero();
        assertThat(db.count("""
                select count(*) from outbox earlier join outbox later
                  on later.platform = earlier.platform and later.chat_id = earlier.chat_id and later.id > earlier.id
                where later.finished_at < earlier.finished_at
                """)).as("each chat's messages finished in the order they were queued").isZero();
    }

    @Test
    void aDispatcherThatDiesWithMessagesClaimedHasThemTakenOverWhenItsLeaseEnds() {
        MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
        RecordingGateway deadGateway = new RecordingGateway(Platform.WEB);
        OutboxDispatcher dying = new OutboxDispatcher(transactor,
                List.of(new PlatformSenders(deadGateway, task -> { }, 4)), "dies-mid-send", clock,
                new SimpleMeterRegistry());
        RecordingGateway gateway = new RecordingGateway(Platform.WEB);
        OutboxDispatcher survivor = new OutboxDispatcher(transactor,
                List.of(new PlatformSenders(gateway, Runnable::run, 4)), "survives", clock, new SimpleMeterRegistry());
        ChannelRef alice = new ChannelRef(Platform.WEB, "alice");
        ChannelRef bob = new ChannelRef(Platform.WEB, "bob");
        enqueue(alice, "to alice 1", clock);
        enqueue(alice, "to alice 2", clock);
        enqueue(bob, "to bob", clock);

        assertThat(dying.dispatchDue()).as("claims both chats' heads, then never sends").isEqualTo(2);
        assertThat(db.count("select count(*) from outbox_chat where claimed_by = 'dies-mid-send'")).isEqualTo(2);

        assertThat(survivor.dispatchDue()).as("the claims are still leased").isZero();
        clock.advance(OutboxDispatcher.LEASE.minusSeconds(1));
        assertThat(survivor.dispatchDue()).isZero();

        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5 && survivor.dispatchDue() > 0; i++) {
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(gateway.deliveredTo(alice).stream().map(OutboundMessage::text))
                .containsExactly("to alice 1", "to alice 2");
        assertThat(gateway.deliveredTo(bob).stream().map(OutboundMessage::text)).containsExactly("to bob");
        assertThat(deadGateway.sent()).isEmpty();
    }

    @Test
    void aLateOutcomeFromADispatcherWhoseClaimWasTakenOverChangesNothing() {
        MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
        RecordingGateway slowGateway = new RecordingGateway(Platform.WEB);
        List<Runnable> stalled = new ArrayList<>();
        OutboxDispatcher stalling = new OutboxDispatcher(transactor,
                List.of(new PlatformSenders(slowGateway, stalled::add, 1)), "stalls", clock, new SimpleMeterRegistry());
        RecordingGateway gateway = new RecordingGateway(Platform.WEB);
        OutboxDispatcher other = new OutboxDispatcher(transactor,
                List.of(new PlatformSenders(gateway, Runnable::run, 1)), "takes-over", clock, new SimpleMeterRegistry());
        ChannelRef alice = new ChannelRef(Platform.WEB, "alice");
        enqueue(alice, "hello", clock);
        assertThat(stalling.dispatchDue()).isEqualTo(1);

        clock.advance(OutboxDispatcher.LEASE.plusSeconds(1));
        assertThat(other.dispatchDue()).isEqualTo(1);
        stalled.forEach(Runnable::run);

        assertThat(gateway.deliveredTo(alice)).hasSize(1);
        assertThat(slowGateway.deliveredTo(alice)).as("the stalled send went out late").hasSize(1);
        assertThat(db.count("select count(*) from outbox where status = 'delivered'")).isEqualTo(1);
        assertThat(db.count("select count(*) from interaction where kind = 'message_sent'"))
                .as("logged once, by the holder of the claim").isEqualTo(1);
    }

    @Test
    void aSendUnderWayIsNeitherHandedBackNorSentAgainWhenItsOwnClockJumpsPastTheLease() {
        MutableClock clock = MutableClock.at("2026-12-01T00:00:00Z");
        RecordingGateway gateway = new RecordingGateway(Platform.WEB);
        List<Runnable> underWay = new ArrayList<>();
        OutboxDispatcher dispatcher = new OutboxDispatcher(transactor,
                List.of(new PlatformSenders(gateway, underWay::add, 4)), "jumps", clock, new SimpleMeterRegistry());
        ChannelRef mina = new ChannelRef(Platform.WEB, "mina");
        enqueue(mina, "happy birthday", clock);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).as("its own send is still under way").isZero();
        assertThat(db.count("select count(*) from outbox_chat where claimed_by = 'jumps' and lease_until > '"
                + clock.instant() + "'")).as("its lease renewed on the new time").isEqualTo(1);
        underWay.forEach(Runnable::run);
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();

        assertThat(gateway.deliveredTo(mina)).hasSize(1);
        assertThat(underWay).hasSize(1);
        assertThat(db.count("select count(*) from outbox where status = 'delivered'")).isEqualTo(1);
    }

    @Test
    void drainHandsBackASendThatDidNotFinishSoAnotherInstanceSendsIt() {
        Clock clock = Clock.systemUTC();
        RecordingGateway hanging = new RecordingGateway(Platform.WEB).holdSends();
        OutboxDispatcher stopping = dispatcher(hanging, clock, "stopping");
        ChannelRef alice = new ChannelRef(Platform.WEB, "alice");
        enqueue(alice, "hello", clock);
        assertThat(stopping.dispatchDue()).isEqualTo(1);
        Await.until(() -> hanging.heldSends() == 1);

        assertThat(stopping.drain(Duration.ofMillis(200))).as("the send never answered").isFalse();
        assertThat(db.count("select count(*) from outbox where status = 'pending' and claimed_by is null"))
                .isEqualTo(1);

        RecordingGateway gateway = new RecordingGateway(Platform.WEB);
        OutboxDispatcher next = new OutboxDispatcher(transactor, List.of(new PlatformSenders(gateway, Runnable::run, 1)),
                "next", clock, new SimpleMeterRegistry());
        assertThat(next.dispatchDue()).isEqualTo(1);
        assertThat(gateway.deliveredTo(alice)).hasSize(1);
        hanging.answerHeldSends();
    }
}
