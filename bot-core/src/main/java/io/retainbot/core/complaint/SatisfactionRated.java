package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** The customer said how satisfied they were with how a complaint was handled, 1 to 5. */
public record SatisfactionRated(long complaintId, ComplaintRef ref, long customerId, int score, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "satisfaction_rated";

    public SatisfactionRated {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a satisfaction score is 1 to 5, was " + score);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }
}
