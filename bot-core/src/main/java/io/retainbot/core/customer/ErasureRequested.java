package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** The customer confirmed {@code /forget}: their data is to be erased (a reaction does it, right after). */
public record ErasureRequested(long customerId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "erasure_requested";

    public ErasureRequested {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
