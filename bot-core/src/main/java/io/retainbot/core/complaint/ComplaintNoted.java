package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** A staff member wrote an internal note on a complaint (the note itself is in the complaint's history). */
public record ComplaintNoted(long complaintId, ComplaintRef ref, long customerId, long staffId, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_noted";

    public ComplaintNoted {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
