package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Staff changed the customer's file: which fields of the profile ({@code "phone"}, {@code "birthday"}) or which
 * tags ({@code "tag +vip"}, {@code "tag -vip"}), and who ({@code byStaffId} null: through the API). The values
 * stay in the file, not in the event.
 */
public record CustomerEdited(long customerId, List<String> changed, Long byStaffId, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "customer_edited";

    public CustomerEdited {
        changed = List.copyOf(changed);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
