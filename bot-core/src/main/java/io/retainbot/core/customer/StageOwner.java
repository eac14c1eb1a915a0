package io.retainbot.core.customer;

import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may be responsible for a customer while they are in one stage, as the business file says: the staff
 * members listed by id (for example sales staff until the contract), or everyone of a role (agents after
 * it). Of those, only active staff are given customers.
 *
 * @param staffIds the staff members listed (empty when a role is named)
 * @param role     the role named (null when staff members are listed)
 */
public record StageOwner(Set<Long> staffIds, StaffRole role) {
    public StageOwner {
        staffIds = java.util.Collections.unmodifiableSet(new TreeSet<>(staffIds));
        if (staffIds.isEmpty() == (role == null)) {
            throw new IllegalArgumentException("name either the staff members (their ids) or a role, not both");
        }
        for (Long id : staffIds) {
            if (id == null || id < 1) {
                throw new IllegalArgumentException("a staff id is a positive whole number, was " + id);
            }
        }
    }

    public static StageOwner of(StaffRole role) {
        return new StageOwner(Set.of(), role);
    }

    public static StageOwner listed(Set<Long> staffIds) {
        return new StageOwner(staffIds, null);
    }

    /** Whether this staff member may look after a customer in the stage (they must be active). */
    public boolean allows(StaffMember staff) {
        return staff.active() && (role != null ? staff.role() == role : staffIds.contains(staff.id()));
    }
}
