package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The staff member responsible for a customer changed.
 *
 * @param fromStaffId     who was responsible (null: nobody)
 * @param toStaffId       who is now (null: nobody)
 * @param changedByStaffId who decided (null: the rule, or the business through the admin token)
 * @param reason          {@code first_complaint}, {@code reassigned}, {@code staff_left} or {@code stage} (the
 *                        customer entered a stage others look after)
 */
public record OwnerChanged(long customerId, Long fromStaffId, Long toStaffId, Long changedByStaffId, String reason,
                           Instant occurredAt) implements DomainEvent {
    public static final String KIND = "owner_changed";
    public static final String FIRST_COMPLAINT = "first_complaint";
    public static final String REASSIGNED = "reassigned";
    public static final String STAFF_LEFT = "staff_left";
    public static final String STAGE = "stage";

    public OwnerChanged {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
