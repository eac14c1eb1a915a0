package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** The business could not help and said so honestly, pointing elsewhere. */
public record ComplaintReferred(long complaintId, ComplaintRef ref, long customerId, Long staffId, String explanation, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_referred";

    public ComplaintReferred {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
