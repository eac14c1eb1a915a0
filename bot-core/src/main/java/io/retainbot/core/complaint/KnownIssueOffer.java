package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A known issue's fix offered on a complaint when it was filed, and the customer's answer.
 *
 * @param helped null until the customer answered "Did it help?"
 */
public record KnownIssueOffer(long complaintId, long knownIssueId, String title, Instant offeredAt, Boolean helped,
                              Instant answeredAt) {
    public KnownIssueOffer {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(offeredAt, "offeredAt");
    }

    public boolean answered() {
        return helped != null;
    }

    public Optional<Boolean> answer() {
        return Optional.ofNullable(helped);
    }
}
