package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/** Staff answered the customer; the text was sent to the customer's chat. */
public record ComplaintAnswered(long complaintId, ComplaintRef ref, long customerId, Long staffId, String text, Instant occurredAt)
        implements ComplaintEvent {
    public static final String KIND = "complaint_answered";

    public ComplaintAnswered {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
