package io.retainbot.core.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.CrashingTransactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reactions run at least once, after the change committed, and their effects exactly once. */
class ReactionRelayIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private Transactor transactor;
    private long customerId;

    /** Writes a setting named after the event: an effect in the database, committed with the delivery's "done". */
    private final class NoteTheResolution implements Reaction {
        final AtomicInteger runs = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicBoolean waiting = new AtomicBoolean();

        @Override
        public String name() {
            return "note_the_resolution";
        }

        @Override
        public boolean reactsTo(DomainEvent event) {
            return event instanceof ComplaintResolved;
        }

        @Override
        public void react(StoreSession session, RecordedEvent event, Instant now, Reactions reactions) {
            runs.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("the mail server is down");
            }
            if (waiting.get()) {
                throw new NotYet("the message it edits is still in the outbox");
            }
            session.settings().put("resolved-" + event.id(), "noted");
        }
    }

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        customerId = transactor.inTransaction(session ->
                session.customers().create(CustomerProfile.builder().displayName("Mina").build(), clock.instant()).id());
    }

    private void resolveSomething(Reactions reactions, long complaintNumber) {
        transactor.runInTransaction(session -> reactions.record(session, new ComplaintResolved(complaintNumber,
                new ComplaintRef(complaintNumber), customerId, null, "", clock.instant()), clock.instant()));
    }

    private long noted() {
        return db.count("select count(*) from setting where name like 'resolved-%'");
    }

    @Test
    void aReactionToAChangeCommittedBeforeACrashRunsOnceWhenARelayRunsLater() {
        NoteTheResolution reaction = new NoteTheResolution();
        Reactions reactions = Reactions.of(reaction);
        resolveSomething(reactions, 1);
        // the process died here: the change and its event committed, the reaction never ran

        ReactionRelay afterRestart = new ReactionRelay(transactor, reactions, clock);
        assertThat(afterRestart.runDue()).isEqualTo(1);
        assertThat(afterRestart.runDue()).isZero();

        assertThat(noted()).isEqualTo(1);
        assertThat(reaction.runs).hasValue(1);
        assertThat(db.count("select count(*) from domain_event_delivery where status = 'done'")).isEqualTo(1);
    }

    @Test
    void aCrashInTheMiddleOfAReactionUndoesItsEffectsAndItRunsAgainOnce() {
        NoteTheResolution reaction = new NoteTheResolution();
        Reactions reactions = Reactions.of(reaction);
        resolveSomething(reactions, 2);
        CrashingTransactor crashing = new CrashingTransactor(transactor);
        ReactionRelay relay = new ReactionRelay(crashing, reactions, clock);

        crashing.crashNext(1);
        assertThatThrownBy(relay::runOne).isInstanceOf(StoreUnavailableException.class);
        assertThat(noted()).isZero();

        assertThat(relay.runDue()).isEqualTo(1);
        assertThat(noted()).isEqualTo(1);
        assertThat(reaction.runs).hasValue(2);
    }

    @Test
    void aFailingReactionIsTriedAgainLaterWithAGrowingPauseAndThenGivenUp() {
        NoteTheResolution reaction = new NoteTheResolution();
        reaction.failing.set(true);
        Reactions reactions = Reactions.of(reaction);
        resolveSomething(reactions, 3);
        ReactionRelay relay = new ReactionRelay(transactor, reactions, clock);

        assertThat(relay.runDue()).isEqualTo(1);
        assertThat(relay.runDue()).as("not due again before the pause").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.runDue()).isEqualTo(1);
        assertThat(db.count("select attempts from domain_event_delivery")).isEqualTo(2);

        for (int attempt = 3; attempt <= ReactionRelay.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofMinutes(10));
            relay.runDue();
        }
        assertThat(db.count("select count(*) from domain_event_delivery where status = 'failed'")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(relay.runDue()).isZero();
        assertThat(reaction.runs).hasValue(ReactionRelay.MAX_ATTEMPTS);
    }

    @Test
    void aReactionWaitingForSomethingOnItsWayRunsAgainWithinASecondAndIsNeverGivenUpForIt() {
        NoteTheResolution reaction = new NoteTheResolution();
        reaction.waiting.set(true);
        Reactions reactions = Reactions.of(reaction);
        resolveSomething(reactions, 4);
        ReactionRelay relay = new ReactionRelay(transactor, reactions, clock);

        for (int run = 1; run <= ReactionRelay.MAX_ATTEMPTS + 2; run++) {
            assertThat(relay.runDue()).isEqualTo(1);
            assertThat(relay.runDue()).as("not due again before the pause").isZero();
            clock.advance(ReactionRelay.NOT_YET_PAUSE);
        }
        assertThat(db.count("select attempts from domain_event_delivery")).as("waiting is no failure").isZero();
        assertThat(db.count("select count(*) from domain_event_delivery where status = 'pending'")).isEqualTo(1);

        clock.advance(ReactionRelay.NOT_YET_SOON);
        assertThat(relay.runDue()).isEqualTo(1);
        clock.advance(ReactionRelay.NOT_YET_PAUSE);
        assertThat(relay.runDue()).as("an old event waits longer").isZero();
        clock.advance(ReactionRelay.NOT_YET_LONG_PAUSE);
        reaction.waiting.set(false);
        assertThat(relay.runDue()).isEqualTo(1);
        assertThat(noted()).isEqualTo(1);
        assertThat(db.count("select count(*) from domain_event_delivery where status = 'done'")).isEqualTo(1);
    }

    @Test
    void twoRelaysOnOneDatabaseRunEachDeliveryOnce() throws Exception {
        NoteTheResolution reaction = new NoteTheResolution();
        Reactions reactions = Reactions.of(reaction);
        for (int number = 1; number <= 200; number++) {
            resolveSomething(reactions, number);
        }
        ReactionRelay first = new ReactionRelay(transactor, reactions, clock);
        ReactionRelay second = new ReactionRelay(transactor, reactions, clock);
        first.start(runnable -> new Thread(runnable, "relay-1"));
        second.start(runnable -> new Thread(runnable, "relay-2"));
        try {
            Await.until(() -> db.count("select count(*) from domain_event_delivery where status = 'done'") == 200,
                    Await.DEFAULT, () -> "done: " + noted());
        } finally {
            first.close();
            second.close();
        }
        assertThat(noted()).isEqualTo(200);
        assertThat(reaction.runs).hasValue(200);
    }

    @Test
    void anEventNobodyReactsToIsKeptWithoutDeliveries() {
        resolveSomething(Reactions.none(), 4);

        assertThat(db.count("select count(*) from domain_event")).isEqualTo(1);
        assertThat(db.count("select count(*) from domain_event_delivery")).isZero();
        assertThat(new ReactionRelay(transactor, Reactions.none(), clock).runDue()).isZero();
    }
}
