package io.retainbot.core.feedback;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** A staff member took a customer's request for a person and talks with them through the bot. */
public record HandoverTaken(long handoverId, long customerId, long staffId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_taken";

    public HandoverTaken {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
