package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** Staff resolved a complaint; {@code summary} is what they did (may be empty). */
public record ComplaintResolved(long complaintId, ComplaintRef ref, long customerId, Long staffId, String summary, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_resolved";

    public ComplaintResolved {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        summary = Objects.requireNonNullElse(summary, "");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
