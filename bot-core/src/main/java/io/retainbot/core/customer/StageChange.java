package io.retainbot.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a customer's stage, as recorded.
 *
 * @param from    null for the first stage a customer was given
 * @param to      null when staff cleared the stage (the customer has none again)
 * @param cause   what changed it: {@code staff}, {@code admin} (the business, through the API), {@code complaint}
 *                or {@code purchase}
 * @param staffId the staff member who changed it, null otherwise
 */
public record StageChange(long customerId, String from, String to, String cause, Long staffId, Instant changedAt) {
    public StageChange {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
