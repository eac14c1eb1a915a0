package io.retainbot.core.port;

import io.retainbot.core.staff.OwnerRotation;
import io.retainbot.core.staff.StaffMember;
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

    /** When each of these staff members was last made someone's responsible staff member (absent: never). */
    Map<Long, Instant> lastGiven(List<Long> staffIds);

    /** These staff members as the rotation weighs them: when they were last given a customer, how many they have. */
    default List<OwnerRotation.Candidate> candidates(List<StaffMember> staff) {
        List<Long> ids = staff.stream().map(StaffMember::id).toList();
        Map<Long, Integer> load = load(ids);
        Map<Long, Instant> lastGiven = lastGiven(ids);
        return staff.stream().map(member -> new OwnerRotation.Candidate(member.id(), member.name(),
                lastGiven.get(member.id()), load.getOrDefault(member.id(), 0))).toList();
    }

    /**
     * The staff member the category's rotation gave the last customer to; locks it until the transaction ends,
     * so that two customers of one category are not given out at the same moment.
     */
    Optional<Long> lastRotated(String category);

    void rotated(String category, long staffId);

    List<OwnerChange> changes(long customerId);

    /** One change: from whom to whom, decided by whom (null: the rule or the admin token), why, when. */
    record OwnerChange(long customerId, Long fromStaffId, Long toStaffId, Long changedByStaffId, String reason,
                       Instant changedAt) {
    }
}
