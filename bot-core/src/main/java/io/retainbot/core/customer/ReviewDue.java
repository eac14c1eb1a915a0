package io.retainbot.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer whose account review falls due, as the due list shows them.
 *
 * @param tier           the tier staff set; {@code null} when none is set (reviewed as low)
 * @param suggestedTier  what the rule suggests from purchases and recency ({@link TierRule}); never applied by itself
 * @param lastReviewedAt the latest review, {@code null} if never (the interval then counts from {@code since})
 */
public record ReviewDue(long customerId, String name, Long ownerId, OpportunityTier tier,
                        OpportunityTier suggestedTier, Instant lastReviewedAt, Instant since, LocalDate dueOn) {
    public ReviewDue {
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(suggestedTier, "suggestedTier");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(dueOn, "dueOn");
    }
}
