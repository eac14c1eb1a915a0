package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** The customer said how easy it was to get their complaint handled, 1 (very hard) to 5 (very easy). */
public record EffortRated(long complaintId, ComplaintRef ref, long customerId, int score, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "effort_rated";

    public EffortRated {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("an effort score is 1 to 5, was " + score);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }
}
