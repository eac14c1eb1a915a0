package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint is still unanswered at an alert stage: {@code stage} percent of the opening time to the
 * promise has passed (100: the promise is due now). Staff were warned.
 *
 * @param assigneeStaffId who has it (null: nobody claimed it, the staff chats were warned)
 */
public record PromiseAtRisk(long complaintId, ComplaintRef ref, long customerId, int stage, Instant promisedAt,
                            Long assigneeStaffId, Instant occurredAt) implements ComplaintEvent {
    public static final String KIND = "promise_at_risk";

    public PromiseAtRisk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(promisedAt, "promisedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
