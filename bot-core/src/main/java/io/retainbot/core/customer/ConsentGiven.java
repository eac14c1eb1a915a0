package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** The customer agreed to greetings and offers, and where ({@code source}: "telegram /stop", "api"). */
public record ConsentGiven(long customerId, String source, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "consent_given";

    public ConsentGiven {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
