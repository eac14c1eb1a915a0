package io.retainbot.core.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One account review on the customer file: held by a staff member ({@link Source#STAFF}: outcome, notes,
 * next step) or answered by the customer in the bot's questionnaire ({@link Source#CUSTOMER}: how satisfied,
 * what they value most, what else they need, which other vendors they considered).
 *
 * @param staffId      who held it; {@code null} for the business through the admin token, or the customer
 * @param outcome      the staff member's verdict; {@code null} for the customer's questionnaire
 * @param satisfaction 1 to 5, the customer's answer; {@code null} when not asked
 * @param complete     false while the customer has answered only part of the questionnaire (it left the
 *                     answers given so far); a review held by staff is always complete
 */
public record AccountReview(long id, long customerId, Source source, Long staffId, Outcome outcome, String notes,
                            String nextStep, Integer satisfaction, String valuesMost, String needs,
                            String otherVendors, Instant reviewedAt, boolean complete) {
    public static final int MAX_NOTES = 2000;
    public static final int MAX_NEXT_STEP = 500;
    public static final int MAX_ANSWER = 1000;

    public AccountReview {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        notes = Objects.requireNonNullElse(notes, "");
        nextStep = Objects.requireNonNullElse(nextStep, "");
        valuesMost = Objects.requireNonNullElse(valuesMost, "");
        needs = Objects.requireNonNullElse(needs, "");
        otherVendors = Objects.requireNonNullElse(otherVendors, "");
        if (source == Source.STAFF && !complete) {
            throw new IllegalArgumentException("a review held by staff is complete");
        }
        if ((source == Source.STAFF) != (outcome != null)) {
            throw new IllegalArgumentException("outcome: a review held by staff has an outcome, a questionnaire none");
        }
        if (notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes: at most " + MAX_NOTES + " characters");
        }
        if (nextStep.length() > MAX_NEXT_STEP) {
            throw new IllegalArgumentException("nextStep: at most " + MAX_NEXT_STEP + " characters");
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction: 1 to 5, was " + satisfaction);
        }
        valuesMost = cut(valuesMost);
        needs = cut(needs);
        otherVendors = cut(otherVendors);
    }

    /** A review a staff member held (or the business, {@code staffId} null). */
    public static AccountReview byStaff(long customerId, Long staffId, Outcome outcome, String notes, String nextStep,
                                        Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        return new AccountReview(0, customerId, Source.STAFF, staffId, outcome, notes, nextStep, null, null, null,
                null, at, true);
    }

    /** The customer's answers to the bot's questionnaire ({@code complete}: all of it answered). */
    public static AccountReview byCustomer(long customerId, int satisfaction, String valuesMost, String needs,
                                           String otherVendors, Instant at, boolean complete) {
        return new AccountReview(0, customerId, Source.CUSTOMER, null, null, "", "", satisfaction, valuesMost, needs,
                otherVendors, at, complete);
    }

    /** Whether the customer's answers show something the owner should act on: a need, or a risk of losing them. */
    public boolean showsNeed() {
        return source == Source.CUSTOMER && !needs.isBlank();
    }

    public boolean showsRisk() {
        return source == Source.CUSTOMER && ((satisfaction != null && satisfaction <= 2) || !otherVendors.isBlank());
    }

    private static String cut(String answer) {
        return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER);
    }

    public enum Source {
        STAFF, CUSTOMER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** What the staff member concluded. */
    public enum Outcome {
        GOOD("good"),
        OPPORTUNITY("opportunity"),
        AT_RISK("at-risk"),
        LOST("lost");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Outcome fromCode(String code) {
            String wanted = code.strip().toLowerCase(Locale.ROOT);
            for (Outcome outcome : values()) {
                if (outcome.code.equals(wanted)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("outcome: one of good, opportunity, at-risk, lost; was \"" + code + "\"");
        }
    }
}
