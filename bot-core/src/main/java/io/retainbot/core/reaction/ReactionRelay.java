package io.retainbot.core.reaction;

import io.retainbot.core.port.EventStore;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reactions to recorded domain events: one delivery per transaction, taken with
 * {@code for update skip locked} (so several instances share the work and never run one delivery at
 * the same time), the reaction's effects and the delivery's "done" committed together. A reaction
 * that throws is tried again with a growing pause, and given up after {@link #MAX_ATTEMPTS}; one that
 * waits for something on its way ({@link Reaction.NotYet}) is run again after {@link #NOT_YET_PAUSE}
 * (after {@link #NOT_YET_LONG_PAUSE} once its event is older than {@link #NOT_YET_SOON}), uncounted.
 */
public final class ReactionRelay implements AutoCloseable {
    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(ReactionRelay.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    static final Duration NOT_YET_PAUSE = Duration.ofSeconds(1);
    static final Duration NOT_YET_LONG_PAUSE = Duration.ofSeconds(30);
    static final Duration NOT_YET_SOON = Duration.ofMinutes(2);

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public ReactionRelay(Transactor transactor, Reactions reactions, Clock clock) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
    }

    public synchronized void start(ThreadFactory threads) {
        if (worker != null) {
            return;
        }
        running = true;
        worker = threads.newThread(this::loop);
        worker.start();
    }

    /** Something was recorded: look now instead of at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Runs every delivery that is due now; returns how many ran (successfully or not). */
    public int runDue() {
        int ran = 0;
        while (runOne()) {
            ran++;
        }
        return ran;
    }

    /** Runs the next due delivery, if there is one; false when none is due. */
    public boolean runOne() {
        AtomicReference<EventStore.Delivery> taken = new AtomicReference<>();
        try {
            return transactor.inTransaction(session -> {
                taken.set(null); // an attempt the database aborted and ran again took nothing
                Instant now = clock.instant();
                Optional<EventStore.Delivery> next = session.events().lockNextDue(now);
                if (next.isEmpty()) {
                    return false;
                }
                EventStore.Delivery delivery = next.get();
                taken.set(delivery);
                Optional<Reaction> reaction = reactions.named(delivery.handler());
                if (reaction.isEmpty()) {
                    log.warn("no reaction named {} in this version; event {} waits for it",
                            delivery.handler(), delivery.event().id());
                    session.events().retryLater(delivery.event().id(), delivery.handler(), now.plus(MAX_BACKOFF),
                            "no reaction of this name in this version");
                    return true;
                }
                reaction.get().react(session, delivery.event(), now, reactions);
                session.events().markDone(delivery.event().id(), delivery.handler(), now);
                return true;
            });
        } catch (StoreUnavailableException unavailable) {
            throw unavailable;
        } catch (Reaction.NotYet waiting) {
            EventStore.Delivery delivery = taken.get();
            if (delivery == null) {
                throw waiting;
            }
            Instant now = clock.instant();
            Instant next = now.plus(notYetPause(delivery.event().event().occurredAt(), now));
            log.debug("reaction {} to event {} waits until {}: {}", delivery.handler(), delivery.event().id(), next,
                    waiting.getMessage());
            transactor.runInTransaction(session -> session.events().waitUntil(delivery.event().id(),
                    delivery.handler(), next, waiting.getMessage()));
            return true;
        } catch (RuntimeException failure) {
            EventStore.Delivery delivery = taken.get();
            if (delivery == null) {
                throw failure;
            }
            recordFailure(delivery, failure);
            return true;
        }
    }

    private void recordFailure(EventStore.Delivery delivery, RuntimeException failure) {
        Instant now = clock.instant();
        long eventId = delivery.event().id();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (delivery.attempts() + 1 >= MAX_ATTEMPTS) {
            log.error("reaction {} to event {} failed {} times; giving up", delivery.handler(), eventId,
                    MAX_ATTEMPTS, failure);
            transactor.runInTransaction(session -> session.events().markFailed(eventId, delivery.handler(), error, now));
            return;
        }
        Duration pause = backoff(delivery.attempts());
        log.warn("reaction {} to event {} failed ({}); trying again in {} s", delivery.handler(), eventId, error,
                pause.toSeconds());
        transactor.runInTransaction(session ->
                session.events().retryLater(eventId, delivery.handler(), now.plus(pause), error));
    }

    /** Soon while its event is fresh (a ping is usually out within a second), then every half minute. */
    static Duration notYetPause(Instant occurredAt, Instant now) {
        return Duration.between(occurredAt, now).compareTo(NOT_YET_SOON) < 0 ? NOT_YET_PAUSE : NOT_YET_LONG_PAUSE;
    }

    static Duration backoff(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    private void loop() {
        while (running) {
            try {
                runDue();
            } catch (RuntimeException failure) {
                log.warn("running reactions failed: {}; trying again shortly", failure.getMessage());
            }
            try {
                if (wakeUps.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the worker after the delivery it is running, if any. */
    @Override
    public void close() throws InterruptedException {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            worker = null;
        }
        if (stopping != null) {
            wakeUps.release();
            stopping.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
