package io.retainbot.core.feedback;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Nobody took a customer's request for a person (request {@code handoverId}, made at {@code requestedAt})
 * within the time the customer was told: the staff chats were reminded, and the customer was told honestly
 * that the request is still open.
 */
public record HandoverOverdue(long handoverId, long customerId, Instant requestedAt, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "handover_overdue";

    public HandoverOverdue {
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
