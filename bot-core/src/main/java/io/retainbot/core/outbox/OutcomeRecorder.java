package io.retainbot.core.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down what became of each send, right after the send, as the holder of the send's claim; the
 * sender waits until it is written. Sends that end at about the same time are written together, in one
 * transaction (a group commit): whoever finds nobody writing writes every outcome waiting, the others
 * wait for that transaction. With one send at a time that is one outcome per transaction at once, as
 * before; at a thousand sends a second it is dozens per transaction, and the deliveries among them take
 * a handful of statements whatever their number. An outcome is never lost: until its transaction commits,
 * its message stays claimed, and a crash meanwhile hands it back to be sent again, like any send in flight.
 * A claim that was taken over meanwhile (the lease ran out) changes nothing: the message is pending again
 * for whoever took it over.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    /** At most this many outcomes in one transaction. */
    static final int MAX_BATCH = 500;

    private final Transactor transactor;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String instance;
    private final ArrayDeque<Outcome> waiting = new ArrayDeque<>();
    /** Whether a sender is writing a batch now; guarded by {@link #waiting}. */
    private boolean writing;

    OutcomeRecorder(Transactor transactor, Clock clock, MeterRegistry meters, String instance) {
        this.transactor = transactor;
        this.clock = clock;
        this.meters = meters;
        this.instance = instance;
    }

    /** One send's outcome, until it is written. */
    private static final class Outcome {
        final OutboxEntry entry;
        final SendOutcome outcome;
        final Duration backoff;
        /** The place in the platform's shared budget to give back with the outcome, null for none. */
        final SendSlot freed;
        /** Guarded by the recorder's {@code waiting}. */
        boolean written;
        RuntimeException failure;

        Outcome(OutboxEntry entry, SendOutcome outcome, Duration backoff, SendSlot freed) {
            this.entry = entry;
            this.outcome = outcome;
            this.backoff = backoff;
            this.freed = freed;
        }
    }

    /**
     * Writes the outcome down (with others that wait at the same time), gives back the send's place in the
     * shared budget in the same transaction, and returns once it is committed.
     *
     * @param freed the place in the platform's shared budget, free from its {@code opensAt}; null for none
     * @throws RuntimeException when it could not be written; the message stays claimed (and the place
     *                          taken) until its lease ends
     */
    void record(OutboxEntry entry, SendOutcome outcome, Duration backoff, SendSlot freed) {
        Outcome mine = new Outcome(entry, outcome, backoff, freed);
        synchronized (waiting) {
            waiting.add(mine);
        }
        while (true) {
            List<Outcome> batch = new ArrayList<>();
            synchronized (waiting) {
                while (!mine.written && writing) {
                    try {
                        waiting.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while its outcome was written", e);
                    }
                }
                if (mine.written) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return;
                }
                writing = true;
                while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(waiting.poll());
                }
            }
            try {
                write(batch);
            } finally {
                synchronized (waiting) {
                    batch.forEach(written -> written.written = true);
                    writing = false;
                    waiting.notifyAll();
                }
            }
        }
    }

    /** Writes a batch in one transaction; if that fails, each outcome in a transaction of its own. */
    private void write(List<Outcome> batch) {
        Instant now = clock.instant();
        Map<Outcome, String> names;
        try {
            names = transactor.inTransaction(session -> writeAll(session, batch, now));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).failure = batchFailed;
                return;
            }
            names = new LinkedHashMap<>();
            for (Outcome outcome : batch) {
                try {
                    names.put(outcome, transactor.inTransaction(session -> {
                        if (outcome.freed != null) {
                            session.outbox().releaseSlots(instance, List.of(outcome.freed));
                        }
                        return writeOne(session, outcome, now);
                    }));
                } catch (RuntimeException failed) {
                    outcome.failure = failed;
                }
            }
        }
        names.forEach((outcome, name) ->
                OutboxDispatcher.sentCounter(meters, outcome.entry.channel().platform(), name).increment());
    }

    /** Every outcome of the batch: the deliveries together, the rest one by one. */
    private Map<Outcome, String> writeAll(StoreSession session, List<Outcome> batch, Instant now) {
        Map<Outcome, String> names = new LinkedHashMap<>();
        List<Outcome> delivered = new ArrayList<>();
        session.outbox().releaseSlots(instance, batch.stream().filter(outcome -> outcome.freed != null)
                .map(outcome -> outcome.freed).toList());
        for (Outcome outcome : batch) {
            if (outcome.outcome instanceof SendOutcome.Delivered) {
                delivered.add(outcome);
            } else {
                names.put(outcome, writeOne(session, outcome, now));
            }
        }
        if (!delivered.isEmpty()) {
            Map<Long, String> messageIds = new HashMap<>();
            delivered.forEach(outcome ->
                    messageIds.put(outcome.entry.id(), ((SendOutcome.Delivered) outcome.outcome).messageId()));
            Set<Long> held = session.outbox().markAllDelivered(delivered.stream().map(outcome -> outcome.entry)
                    .toList(), messageIds, instance, now);
            List<Interaction> logged = new ArrayList<>();
            for (Outcome outcome : delivered) {
                if (held.contains(outcome.entry.id())) {
                    logged.add(SendLog.deliveredEntry(outcome.entry, messageIds.get(outcome.entry.id()), now));
                    names.put(outcome, "delivered");
                } else {
                    names.put(outcome, claimLost(outcome.entry, "delivered"));
                }
            }
            session.interactions().appendAll(logged);
        }
        return names;
    }

    private String writeOne(StoreSession session, Outcome written, Instant now) {
        OutboxEntry entry = written.entry;
        SendOutcome outcome = written.outcome;
        if (outcome instanceof SendOutcome.Delivered delivered) {
            boolean held = session.outbox().markDelivered(entry, instance, delivered.messageId(), now);
            if (held) {
                SendLog.delivered(session, entry, delivered.messageId(), now);
            }
            return held ? "delivered" : claimLost(entry, "delivered");
        }
        if (outcome instanceof SendOutcome.Unreachable unreachable) {
            log.info("{} is unreachable ({}); pending messages to it are skipped until they write again",
                    entry.channel(), unreachable.reason());
            boolean held = session.outbox().markUnreachable(entry, instance, unreachable.reason(), now);
            if (held) {
                SendLog.unreachable(session, entry, unreachable.reason(), now);
            }
            return held ? "unreachable" : claimLost(entry, "unreachable");
        }
        if (outcome instanceof SendOutcome.RateLimited limited) {
            log.info("{} rate limited; waiting {} s", entry.channel(), limited.retryAfter().toSeconds());
            // every instance sending for the bot waits too: none of its places opens before the wait ends
            session.outbox().holdSlots(entry.channel().platform(), now.plus(limited.retryAfter()));
            boolean held = session.outbox().retryLater(entry, instance, now.plus(limited.retryAfter()),
                    "rate limited for " + limited.retryAfter(), false);
            return held ? "rate_limited" : claimLost(entry, "rate limited");
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (failed.retryable() && entry.attempts() + 1 < OutboxDispatcher.MAX_ATTEMPTS) {
            log.warn("send to {} failed ({}); retrying in {} s", entry.channel(), failed.reason(),
                    written.backoff.toSeconds());
            boolean held = session.outbox().retryLater(entry, instance, now.plus(written.backoff), failed.reason(),
                    true);
            return held ? "retry" : claimLost(entry, "failed");
        }
        log.warn("send to {} failed for good: {}", entry.channel(), failed.reason());
        boolean held = session.outbox().markFailed(entry, instance, failed.reason(), now);
        return held ? "failed" : claimLost(entry, "failed for good");
    }

    private static String claimLost(OutboxEntry entry, String what) {
        log.warn("outbox message {} to {} ended {} after its claim was handed back (the lease ran out); "
                + "it may be sent again", entry.id(), entry.channel(), what);
        return "claim_lost";
    }
}
