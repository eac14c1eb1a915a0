package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A purchase was recorded for the customer (through the API or an import). */
public record PurchaseRecorded(long customerId, long purchaseId, LocalDate purchasedOn, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "purchase_recorded";

    public PurchaseRecorded {
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
