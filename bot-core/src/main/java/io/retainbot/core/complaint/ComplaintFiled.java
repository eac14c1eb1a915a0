package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** A customer filed a complaint (through any chat). */
public record ComplaintFiled(long complaintId, ComplaintRef ref, long customerId, String category, Instant promisedAt, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_filed";

    public ComplaintFiled {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(category, "category");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
