package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Two files of one person became one: {@code absorbedId}'s chats, complaints and history moved to
 * {@code customerId}, and {@code absorbedId} is gone ({@code byStaffId} null: through the API).
 */
public record CustomersMerged(long customerId, long absorbedId, Long byStaffId, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "customers_merged";

    public CustomersMerged {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
