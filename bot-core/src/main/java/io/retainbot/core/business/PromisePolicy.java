package io.retainbot.core.business;

import java.time.Duration;
import java.util.Objects;

/**
 * How the promise to the customer is made from the internal target: the target times
 * {@code margin} ("if you can serve within 18 hours, promise 24": margin 4/3), rounded up to a
 * multiple of {@code roundTo} (a time a person would say), then moved out of closed hours.
 */
public record PromisePolicy(double margin, Duration roundTo) {
    public PromisePolicy {
        if (Double.isNaN(margin) || margin < 1.0 || margin > 10.0) {
            throw new IllegalArgumentException("promise margin must be between 1.0 and 10.0, was " + margin);
        }
        Objects.requireNonNull(roundTo, "roundTo");
        if (roundTo.isNegative() || roundTo.isZero() || roundTo.compareTo(Duration.ofDays(1)) > 0
                || Duration.ofDays(1).toMinutes() % roundTo.toMinutes() != 0) {
            throw new IllegalArgumentException("promise rounding must divide a day evenly, was " + roundTo);
        }
    }

    public static PromisePolicy standard() {
        return new PromisePolicy(4.0 / 3.0, Duration.ofHours(1));
    }
}
