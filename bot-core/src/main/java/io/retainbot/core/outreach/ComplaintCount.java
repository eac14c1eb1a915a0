package io.retainbot.core.outreach;

/**
 * "At least {@code atLeast} complaints filed in the last {@code days} days", counted back from the
 * moment the segment is evaluated.
 */
public record ComplaintCount(int days, int atLeast) {
    public static final int MAX_DAYS = 3650;

    public ComplaintCount {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", was " + days);
        }
        if (atLeast < 1 || atLeast > 10_000) {
            throw new IllegalArgumentException("atLeast must be 1 to 10000, was " + atLeast);
        }
    }
}
