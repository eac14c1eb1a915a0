package io.retainbot.core.complaint;

import java.time.Instant;

/**
 * A detail added to a complaint after filing, by the customer, staff or the system.
 *
 * @param staffId who wrote an {@link Author#INTERNAL internal} note; {@code null} for the others
 */
public record ComplaintNote(long id, long complaintId, Author author, String text, Instant createdAt, Long staffId) {
    /**
     * Who wrote it: the customer, staff (what the customer was told), RetainBot, or a staff member for
     * colleagues only ({@code INTERNAL}: never shown to the customer).
     */
    public enum Author { CUSTOMER, STAFF, SYSTEM, INTERNAL }
}
