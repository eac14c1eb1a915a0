package io.retainbot.core.complaint;

import java.time.Instant;

/**
 * A detail added to a complaint after filing, by the customer, staff or the system.
 *
 * @param staffId      the staff member who wrote an {@link Author#INTERNAL internal} or a {@link Author#STAFF staff}
 *                     note; {@code null} for the others, for a staff note written through the REST API, and for
 *                     staff notes older than this record
 * @param byAdminToken whether a staff note was written through the REST API with the admin token
 */
public record ComplaintNote(long id, long complaintId, Author author, String text, Instant createdAt, Long staffId,
                            boolean byAdminToken) {
    /**
     * Who wrote it: the customer, staff (what the customer was told), RetainBot, or a staff member for
     * colleagues only ({@code INTERNAL}: never shown to the customer).
     */
    public enum Author { CUSTOMER, STAFF, SYSTEM, INTERNAL }
}
