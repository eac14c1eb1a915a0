package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** The customer withdrew their complaint. */
public record ComplaintWithdrawn(long complaintId, ComplaintRef ref, long customerId, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_withdrawn";

    public ComplaintWithdrawn {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
