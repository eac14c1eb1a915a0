package io.retainbot.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who looks after which customer, every change of it, and the round-robin's memory. */
public interface OwnershipStore {
    /** The customer's responsible staff member, if any. */
    Optional<Long> ownerOf(long customerId);

    /**
     * Sets the customer's responsible staff member and records the change; returns false (nothing
     * changed, nothing recorded) when they already were.
     */
    boolean changeOwner(long customerId, Long toStaffId, Long changedByStaffId, String reason, Instant at);

    /** Everyone the staff member looks after, oldest customer first. */
    List<Long> customersOf(long staffId);

    /** How many customers each of these staff members looks after now. */
    Map<Long, Integer> load(List<Long> staffIds);

    /** The staff member the category's rotation gave the last customer to; locks it until the transaction ends. */
    Optional<Long> lastRotated(String category);

    void rotated(String category, long staffId);

    List<OwnerChange> changes(long customerId);

    /** One change: from whom to whom, decided by whom (null: the rule or the admin token), why, when. */
    record OwnerChange(long customerId, Long fromStaffId, Long toStaffId, Long changedByStaffId, String reason,
                       Instant changedAt) {
    }
}
