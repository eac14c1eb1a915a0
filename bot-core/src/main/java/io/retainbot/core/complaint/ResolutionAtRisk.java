package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint is still not resolved at an alert stage: {@code stage} percent of the opening time to its
 * resolution target has passed (100: it should be resolved now). Staff were warned.
 *
 * @param assigneeStaffId who has it (null: nobody claimed it, the staff chats were warned)
 */
public record ResolutionAtRisk(long complaintId, ComplaintRef ref, long customerId, int stage, Instant dueAt,
                               Long assigneeStaffId, Instant occurredAt) implements ComplaintEvent {
    public static final String KIND = "resolution_at_risk";

    public ResolutionAtRisk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
