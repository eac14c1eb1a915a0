package io.retainbot.core.complaint;

import java.time.Instant;

/** A detail added to a complaint after filing, by the customer, staff or the system. */
public record ComplaintNote(long id, long complaintId, Author author, String text, Instant createdAt) {
    public enum Author { CUSTOMER, STAFF, SYSTEM }
}
