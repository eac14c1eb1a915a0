package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** A staff member took a complaint on (staffId null: through the API with the admin token). */
public record ComplaintClaimed(long complaintId, ComplaintRef ref, long customerId, Long staffId, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_claimed";

    public ComplaintClaimed {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
