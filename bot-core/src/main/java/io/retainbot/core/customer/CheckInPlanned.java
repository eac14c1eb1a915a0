package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A check-in was planned on the customer file (after a purchase or a resolution), to fall due at
 * {@code dueAt}. Recorded with the check-in's row, so what reacts to it (scheduling the due event) runs
 * only once the row is there to be found.
 *
 * @param about   {@code purchase} or {@code complaint}
 * @param dueData what the due event carries for the check-in's question (cadence, text, product or reference)
 */
public record CheckInPlanned(long customerId, long checkInId, String cadence, String about, long aboutId,
                             Instant dueAt, Map<String, String> dueData, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "check_in_planned";

    public CheckInPlanned {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(dueAt, "dueAt");
        dueData = Map.copyOf(dueData);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
