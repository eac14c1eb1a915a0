package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** A closed complaint was opened again. */
public record ComplaintReopened(long complaintId, ComplaintRef ref, long customerId, Long staffId, String reason, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_reopened";

    public ComplaintReopened {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        reason = Objects.requireNonNullElse(reason, "");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
