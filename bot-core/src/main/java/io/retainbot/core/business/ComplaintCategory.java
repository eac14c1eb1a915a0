package io.retainbot.core.business;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A complaint category as the business defines it.
 *
 * @param id             stable id, lower case letters, digits, dash or underscore (used in button data)
 * @param labels         language tag to label ("en" must be present)
 * @param responseTarget   the internal target for a first real answer; the customer is promised
 *                         a little later than this
 * @param resolutionTarget the internal target for resolving it, counted in opening time (hours, holidays);
 *                         null for none (no resolution alerts)
 */
public record ComplaintCategory(String id, Map<String, String> labels, Duration responseTarget,
                                Duration resolutionTarget) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,32}");

    public ComplaintCategory {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("category id must be 1 to 32 of a-z, 0-9, '-', '_': " + id);
        }
        labels = Map.copyOf(labels);
        if (!labels.containsKey("en")) {
            throw new IllegalArgumentException("category " + id + " needs an English label (en)");
        }
        Objects.requireNonNull(responseTarget, "responseTarget");
        if (responseTarget.isNegative() || responseTarget.isZero()) {
            throw new IllegalArgumentException("category " + id + " needs a positive response target");
        }
        if (resolutionTarget != null && (resolutionTarget.isNegative() || resolutionTarget.isZero())) {
            throw new IllegalArgumentException("category " + id + ": a resolution target must be positive");
        }
    }

    /** A category without a resolution target. */
    public ComplaintCategory(String id, Map<String, String> labels, Duration responseTarget) {
        this(id, labels, responseTarget, null);
    }

    /** The label in {@code language}, else English. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get("en"));
    }
}
