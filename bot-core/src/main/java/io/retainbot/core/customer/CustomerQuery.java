package io.retainbot.core.customer;

import java.util.Objects;

/**
 * A search of the customer file. Every criterion left {@code null} matches everyone; the ones given
 * must all match. Results come newest first.
 *
 * @param nameContains part of the display name, any case
 */
public record CustomerQuery(String nameContains, Tag tag, OpportunityTier tier, Long responsibleStaffId, int limit,
                            int offset, String phoneDigits) {
    public static final int MAX_LIMIT = 500;

    public CustomerQuery {
        nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        phoneDigits = phoneDigits == null ? null : phoneDigits.replaceAll("[^0-9]", "");
        if (phoneDigits != null && phoneDigits.isEmpty()) {
            phoneDigits = null;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
    }

    public CustomerQuery(String nameContains, Tag tag, OpportunityTier tier, Long responsibleStaffId, int limit,
                         int offset) {
        this(nameContains, tag, tier, responsibleStaffId, limit, offset, null);
    }

    /** Customers whose phone number contains these digits (spaces, dashes and the like ignored). */
    public CustomerQuery withPhone(String digits) {
        return new CustomerQuery(nameContains, tag, tier, responsibleStaffId, limit, offset, digits);
    }

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, 100, 0);
    }

    public CustomerQuery named(String part) {
        return new CustomerQuery(part, tag, tier, responsibleStaffId, limit, offset, phoneDigits);
    }

    public CustomerQuery tagged(Tag value) {
        return new CustomerQuery(nameContains, Objects.requireNonNull(value), tier, responsibleStaffId, limit, offset, phoneDigits);
    }

    public CustomerQuery inTier(OpportunityTier value) {
        return new CustomerQuery(nameContains, tag, Objects.requireNonNull(value), responsibleStaffId, limit, offset, phoneDigits);
    }

    public CustomerQuery lookedAfterBy(long staffId) {
        return new CustomerQuery(nameContains, tag, tier, staffId, limit, offset, phoneDigits);
    }

    public CustomerQuery page(int newLimit, int newOffset) {
        return new CustomerQuery(nameContains, tag, tier, responsibleStaffId, newLimit, newOffset, phoneDigits);
    }
}
