package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** A complaint moved to another staff member (fromStaffId null: it had none). */
public record ComplaintReassigned(long complaintId, ComplaintRef ref, long customerId, Long fromStaffId, long toStaffId, Long byStaffId, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_reassigned";

    public ComplaintReassigned {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
