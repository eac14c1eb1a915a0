package io.retainbot.core.feedback;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** A customer asked to talk to a person (request {@code handoverId}). */
public record HandoverRequested(long handoverId, long customerId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_requested";

    public HandoverRequested {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
