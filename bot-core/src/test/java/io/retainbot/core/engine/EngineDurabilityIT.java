package io.retainbot.core.engine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.testing.CrashingTransactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A crash at any moment loses nothing and handles no event twice. */
class EngineDurabilityIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private final ChannelRef channel = new ChannelRef(Platform.TELEGRAM, "5001");
    private final Sender sender = new Sender("5001", "Mina", "en");
    private CrashingTransactor crashing;
    private ConversationEngine engine;
    private RecordingGateway gateway;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        crashing = new CrashingTransactor(db.database().transactor());
        engine = new ConversationEngine(crashing, Messages.builtIn(), BusinessConfig.defaults(), Set.of(), clock, () -> { });
        gateway = new RecordingGateway(Platform.TELEGRAM);
        dispatcher = new OutboxDispatcher(db.database().transactor(), List.of(gateway), Runnable::run, 4, clock,
                new SimpleMeterRegistry());
    }

    private InboundEvent form(String eventId) {
        return new InboundEvent.FormSubmitted(channel, sender, eventId, clock.instant(), Dialogue.COMPLAINT_FORM,
                Map.of("category", "delivery", "description", "The parcel never arrived at all."));
    }

    private long complaints() {
        return db.database().transactor().inTransaction(session -> session.complaints()
                .list(java.util.Optional.empty(), 100, 0).size());
    }

    /** How many acknowledgements of a filed complaint the customer got (a first contact also gets a greeting). */
    private long acknowledgements() {
        return gateway.deliveredTo(channel).stream()
                .filter(message -> message.text().contains("Your complaint is registered under reference")).count();
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            clock.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void aCrashBeforeCommitLeavesNothingAndTheRedeliveryIsHandledOnce() {
        crashing.crashNext(1);
        assertThatThrownBy(() -> engine.accept(form("upd-1"))).isInstanceOf(StoreUnavailableException.class);
        drain();
        assertThat(complaints()).isZero();
        assertThat(gateway.sent()).isEmpty();

        assertThat(engine.accept(form("upd-1"))).isEqualTo(EventSink.Receipt.HANDLED);
        drain();
        assertThat(complaints()).isEqualTo(1);
        assertThat(acknowledgements()).isEqualTo(1);
    }

    @Test
    void aRedeliveryAfterTheCommitIsADuplicateAndAnswersNothing() {
        assertThat(engine.accept(form("upd-2"))).isEqualTo(EventSink.Receipt.HANDLED);
        assertThat(engine.accept(form("upd-2"))).isEqualTo(EventSink.Receipt.DUPLICATE);
        drain();
        assertThat(complaints()).isEqualTo(1);
        assertThat(acknowledgements()).isEqualTo(1);
    }

    @Test
    void aSendInterruptedByACrashIsSentAgainOnceItsLeaseEnds() {
        engine.accept(form("upd-3"));
        db.database().transactor().inTransaction(session -> {
            List<OutboxEntry> heads = session.outbox().dueHeads(Platform.TELEGRAM, clock.instant(),
                    Map.of(Lane.REPLY, 10));
            return session.outbox().claim(Platform.TELEGRAM, heads, "dead-instance", clock.instant(),
                    clock.instant().plus(OutboxDispatcher.LEASE));
        });
        // the process that claimed it dies here; a new dispatcher takes over once the lease has ended
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(OutboxDispatcher.LEASE.plusSeconds(1));
        drain();
        assertThat(acknowledgements()).isEqualTo(1);
    }
}
