package io.retainbot.core.feedback;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** The customer cancelled their request for a person, or went back to the bot while talking with one. */
public record HandoverEnded(long handoverId, long customerId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_ended";

    public HandoverEnded {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
