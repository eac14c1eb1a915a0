package io.retainbot.core.customer;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the business reviews its accounts, from the business file: how often per opportunity tier (by
 * default high every 3 months, medium every 6, low every 12; a customer without a tier as low, so every
 * account is reviewed at least once a year), when each owner gets the weekly list of reviews due, and
 * whether the bot asks the customer a short questionnaire: every customer whose review falls due
 * ({@code askCustomer}), or those staff choose with the "Ask the bot" button of the weekly list
 * ({@code staffMayAsk}; always so when the bot asks everyone).
 */
public record AccountReviews(Map<OpportunityTier, Period> intervals, boolean askCustomer, DayOfWeek listDay,
                             LocalTime listTime, boolean staffMayAsk) {
    public static final AccountReviews DEFAULT = new AccountReviews(Map.of(OpportunityTier.HIGH, Period.ofMonths(3),
            OpportunityTier.MEDIUM, Period.ofMonths(6), OpportunityTier.LOW, Period.ofMonths(12)), false,
            DayOfWeek.MONDAY, LocalTime.of(9, 0));

    /** Staff may have the bot ask exactly when it asks everyone anyway. */
    public AccountReviews(Map<OpportunityTier, Period> intervals, boolean askCustomer, DayOfWeek listDay,
                          LocalTime listTime) {
        this(intervals, askCustomer, listDay, listTime, askCustomer);
    }

    public AccountReviews {
        Map<OpportunityTier, Period> all = new EnumMap<>(OpportunityTier.class);
        for (OpportunityTier tier : OpportunityTier.values()) {
            Period interval = intervals.get(tier);
            if (interval == null) {
                throw new IllegalArgumentException("a review interval is needed for the tier " + tier.code());
            }
            if (interval.isNegative() || interval.isZero() || interval.toTotalMonths() > 60) {
                throw new IllegalArgumentException("the review interval of the tier " + tier.code()
                        + " is 1 to 60 months, was " + interval);
            }
            all.put(tier, interval);
        }
        intervals = Map.copyOf(all);
        Objects.requireNonNull(listDay, "listDay");
        Objects.requireNonNull(listTime, "listTime");
        staffMayAsk = staffMayAsk || askCustomer;
    }

    /** How often a customer of {@code tier} is reviewed; {@code null} (no tier yet) as low. */
    public Period interval(OpportunityTier tier) {
        return intervals.get(tier == null ? OpportunityTier.LOW : tier);
    }

    public AccountReviews withAskCustomer(boolean ask) {
        return new AccountReviews(intervals, ask, listDay, listTime);
    }

    /** The bot asks only the customers staff choose ("Ask the bot"). */
    public AccountReviews askedOnRequest() {
        return new AccountReviews(intervals, false, listDay, listTime, true);
    }
}
