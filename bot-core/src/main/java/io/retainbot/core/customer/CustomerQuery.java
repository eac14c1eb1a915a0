package io.retainbot.core.customer;

import java.util.Objects;

/**
 * A search of the customer file. Every criterion left {@code null} matches everyone; the ones given
 * must all match. Results come newest first.
 *
 * @param nameContains part of the display name, any case
 */
public record CustomerQuery(String nameContains, Tag tag, OpportunityTier tier, Long responsibleStaffId, int limit,
                            int offset) {
    public static final int MAX_LIMIT = 500;

    public CustomerQuery {
        nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
    }

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, 100, 0);
    }

    public CustomerQuery named(String part) {
        return new CustomerQuery(part, tag, tier, responsibleStaffId, limit, offset);
    }

    public CustomerQuery tagged(Tag value) {
        return new CustomerQuery(nameContains, Objects.requireNonNull(value), tier, responsibleStaffId, limit, offset);
    }

    public CustomerQuery inTier(OpportunityTier value) {
        return new CustomerQuery(nameContains, tag, Objects.requireNonNull(value), responsibleStaffId, limit, offset);
    }

    public CustomerQuery lookedAfterBy(long staffId) {
        return new CustomerQuery(nameContains, tag, tier, staffId, limit, offset);
    }

    public CustomerQuery page(int newLimit, int newOffset) {
        return new CustomerQuery(nameContains, tag, tier, responsibleStaffId, newLimit, newOffset);
    }
}
