package io.retainbot.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to erase a customer's personal data: by the customer themself ({@code /forget}, confirmed), or
 * by staff (or the business through the admin token) with a reason, which is kept with the record.
 *
 * @param staffId     the staff member who asked, null for the customer or the business itself
 * @param requestedAt when the customer confirmed {@code /forget} (null for staff): what their web chat shows from
 *                    then on (the confirmation) stays, with the chat's session, so the page can still show it
 */
public record Erasure(long customerId, RequestedBy requestedBy, Long staffId, String reason, Instant requestedAt) {
    public static final int MAX_REASON = 500;

    public enum RequestedBy { CUSTOMER, STAFF, ADMIN }

    public Erasure {
        Objects.requireNonNull(requestedBy, "requestedBy");
        reason = Objects.requireNonNullElse(reason, "").strip();
        if (customerId < 1) {
            throw new IllegalArgumentException("customerId: a customer id is a positive whole number");
        }
        if (requestedBy != RequestedBy.CUSTOMER && reason.isEmpty()) {
            throw new IllegalArgumentException("reason: staff erase a customer's data only with a reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters");
        }
        if ((requestedBy == RequestedBy.STAFF) != (staffId != null)) {
            throw new IllegalArgumentException("staffId: names the staff member exactly when staff asked");
        }
    }

    /** An erasure by staff or the business, with its reason. */
    public Erasure(long customerId, RequestedBy requestedBy, Long staffId, String reason) {
        this(customerId, requestedBy, staffId, reason, null);
    }

    public static Erasure byCustomer(long customerId, Instant requestedAt) {
        return new Erasure(customerId, RequestedBy.CUSTOMER, null, "asked with /forget",
                Objects.requireNonNull(requestedAt, "requestedAt"));
    }
}
