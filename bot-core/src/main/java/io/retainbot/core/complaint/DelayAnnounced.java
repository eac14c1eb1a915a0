package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/**
 * The internal target passed without an answer while the promise was not yet due: the customer was told,
 * honestly and once, that the business is still on it and when to expect an answer.
 */
public record DelayAnnounced(long complaintId, ComplaintRef ref, long customerId, Instant expectedBy,
                             Instant occurredAt) implements ComplaintEvent {
    public static final String KIND = "delay_announced";

    public DelayAnnounced {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(expectedBy, "expectedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
