package io.retainbot.core.business;

import java.time.Duration;
import java.util.Objects;

/**
 * When complaints of one category form a cluster worth a supervisor's look: at least {@code complaints} of
 * them filed within {@code within} (by default 5 in 2 hours). A cluster is flagged once; the next one of the
 * category can be flagged when the window of the last has passed.
 */
public record ClusterRule(int complaints, Duration within) {
    public static final ClusterRule DEFAULT = new ClusterRule(5, Duration.ofHours(2));

    public ClusterRule {
        Objects.requireNonNull(within, "within");
        if (complaints < 2 || complaints > 1000) {
            throw new IllegalArgumentException("a cluster is 2 to 1000 complaints, was " + complaints);
        }
        if (within.compareTo(Duration.ofMinutes(1)) < 0 || within.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a cluster's window is 1 minute to 7 days, was " + within);
        }
    }
}
