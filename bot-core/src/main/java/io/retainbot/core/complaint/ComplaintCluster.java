package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.Objects;

/**
 * Many complaints of one category in a short time, flagged once to supervisors: {@code complaints} of
 * {@code category} filed from {@code firstAt} until {@code flaggedAt}.
 */
public record ComplaintCluster(long id, String category, int complaints, Instant firstAt, Instant flaggedAt) {
    public ComplaintCluster {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(flaggedAt, "flaggedAt");
    }
}
