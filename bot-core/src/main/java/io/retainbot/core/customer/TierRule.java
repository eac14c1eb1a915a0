package io.retainbot.core.customer;

import java.time.LocalDate;

/**
 * Suggests an opportunity tier from purchases and recency, as the handbook rates accounts: a customer who
 * bought one or two things in the last year can buy more (high); one who bought three or more has much of
 * what is sold (medium); one who bought nothing in the last year, or never, is low. Only a suggestion:
 * staff set the tier, the rule never changes it.
 */
public final class TierRule {
    private TierRule() {
    }

    /**
     * @param purchasesLastYear purchases dated within the year before {@code today}
     * @param lastPurchase      the latest purchase's date, {@code null} if none
     */
    public static OpportunityTier suggest(int purchasesLastYear, LocalDate lastPurchase, LocalDate today) {
        if (lastPurchase == null || purchasesLastYear == 0 || lastPurchase.isBefore(today.minusYears(1))) {
            return OpportunityTier.LOW;
        }
        return purchasesLastYear <= 2 ? OpportunityTier.HIGH : OpportunityTier.MEDIUM;
    }
}
