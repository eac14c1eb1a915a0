package io.retainbot.core.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes down what became of one send, in its own short transaction, right after the send. */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final Transactor transactor;
    private final Clock clock;
    private final MeterRegistry meters;

    OutcomeRecorder(Transactor transactor, Clock clock, MeterRegistry meters) {
        this.transactor = transactor;
        this.clock = clock;
        this.meters = meters;
    }

    void record(OutboxEntry entry, SendOutcome outcome, Duration backoff) {
        String name = recordOutcome(entry, outcome, backoff, clock.instant());
        OutboxDispatcher.sentCounter(meters, entry.channel().platform(), name).increment();
    }

    private String recordOutcome(OutboxEntry entry, SendOutcome outcome, Duration backoff, Instant now) {
        if (outcome instanceof SendOutcome.Delivered delivered) {
            transactor.runInTransaction(session -> {
                session.outbox().markDelivered(entry.id(), delivered.messageId(), now);
                SendLog.delivered(session, entry, delivered.messageId(), now);
            });
            return "delivered";
        }
        if (outcome instanceof SendOutcome.Unreachable unreachable) {
            log.info("{} is unreachable ({}); pending messages to it are skipped until they write again",
                    entry.channel(), unreachable.reason());
            transactor.runInTransaction(session -> {
                session.outbox().markUnreachable(entry.id(), unreachable.reason(), now);
                SendLog.unreachable(session, entry, unreachable.reason(), now);
            });
            return "unreachable";
        }
        if (outcome instanceof SendOutcome.RateLimited limited) {
            log.info("{} rate limited; waiting {} s", entry.channel(), limited.retryAfter().toSeconds());
            transactor.runInTransaction(session -> session.outbox().retryLater(entry.id(),
                    now.plus(limited.retryAfter()), "rate limited for " + limited.retryAfter(), false));
            return "rate_limited";
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (failed.retryable() && entry.attempts() + 1 < OutboxDispatcher.MAX_ATTEMPTS) {
            log.warn("send to {} failed ({}); retrying in {} s", entry.channel(), failed.reason(), backoff.toSeconds());
            transactor.runInTransaction(session ->
                    session.outbox().retryLater(entry.id(), now.plus(backoff), failed.reason(), true));
            return "retry";
        }
        log.warn("send to {} failed for good: {}", entry.channel(), failed.reason());
        transactor.runInTransaction(session -> session.outbox().markFailed(entry.id(), failed.reason(), now));
        return "failed";
    }
}
