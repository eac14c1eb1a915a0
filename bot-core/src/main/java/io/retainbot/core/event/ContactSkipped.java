package io.retainbot.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation the bot meant to start (a survey, a greeting) was not started, and why: the customer
 * stayed busy in another flow for longer than the wait allows, or has no chat the bot can reach.
 *
 * @param dueEventId the scheduled event's id, such as {@code survey:C-1042:17}
 */
public record ContactSkipped(long customerId, String dueEventId, String reason, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "contact_skipped";

    public ContactSkipped {
        Objects.requireNonNull(dueEventId, "dueEventId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
