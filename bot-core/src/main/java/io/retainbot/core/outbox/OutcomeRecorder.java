package io.retainbot.core.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down what became of one send, in its own short transaction, right after the send, as the
 * holder of the send's claim. A claim that was taken over meanwhile (the lease ran out) changes
 * nothing: the message is pending again for whoever took it over.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final Transactor transactor;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String instance;

    OutcomeRecorder(Transactor transactor, Clock clock, MeterRegistry meters, String instance) {
        this.transactor = transactor;
        this.clock = clock;
        this.meters = meters;
        this.instance = instance;
    }

    void record(OutboxEntry entry, SendOutcome outcome, Duration backoff) {
        String name = recordOutcome(entry, outcome, backoff, clock.instant());
        OutboxDispatcher.sentCounter(meters, entry.channel().platform(), name).increment();
    }

    private String recordOutcome(OutboxEntry entry, SendOutcome outcome, Duration backoff, Instant now) {
        if (outcome instanceof SendOutcome.Delivered delivered) {
            boolean held = transactor.inTransaction(session -> {
                boolean holds = session.outbox().markDelivered(entry, instance, delivered.messageId(), now);
                if (holds) {
                    SendLog.delivered(session, entry, delivered.messageId(), now);
                }
                return holds;
            });
            return held ? "delivered" : claimLost(entry, "delivered");
        }
        if (outcome instanceof SendOutcome.Unreachable unreachable) {
            log.info("{} is unreachable ({}); pending messages to it are skipped until they write again",
                    entry.channel(), unreachable.reason());
            boolean held = transactor.inTransaction(session -> {
                boolean holds = session.outbox().markUnreachable(entry, instance, unreachable.reason(), now);
                if (holds) {
                    SendLog.unreachable(session, entry, unreachable.reason(), now);
                }
                return holds;
            });
            return held ? "unreachable" : claimLost(entry, "unreachable");
        }
        if (outcome instanceof SendOutcome.RateLimited limited) {
            log.info("{} rate limited; waiting {} s", entry.channel(), limited.retryAfter().toSeconds());
            boolean held = transactor.inTransaction(session -> session.outbox().retryLater(entry, instance,
                    now.plus(limited.retryAfter()), "rate limited for " + limited.retryAfter(), false));
            return held ? "rate_limited" : claimLost(entry, "rate limited");
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (failed.retryable() && entry.attempts() + 1 < OutboxDispatcher.MAX_ATTEMPTS) {
            log.warn("send to {} failed ({}); retrying in {} s", entry.channel(), failed.reason(), backoff.toSeconds());
            boolean held = transactor.inTransaction(session ->
                    session.outbox().retryLater(entry, instance, now.plus(backoff), failed.reason(), true));
            return held ? "retry" : claimLost(entry, "failed");
        }
        log.warn("send to {} failed for good: {}", entry.channel(), failed.reason());
        boolean held = transactor.inTransaction(session -> session.outbox().markFailed(entry, instance, failed.reason(),
                now));
        return held ? "failed" : claimLost(entry, "failed for good");
    }

    private static String claimLost(OutboxEntry entry, String what) {
        log.warn("outbox message {} to {} ended {} after its claim was handed back (the lease ran out); "
                + "it may be sent again", entry.id(), entry.channel(), what);
        return "claim_lost";
    }
}
