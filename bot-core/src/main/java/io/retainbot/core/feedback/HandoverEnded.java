package io.retainbot.core.feedback;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** A request for a person ended: handed back to the bot by staff ({@code staffId}), or cancelled by the customer (null). */
public record HandoverEnded(long handoverId, long customerId, Long staffId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_ended";

    public HandoverEnded {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
