package io.retainbot.core.usecase;

import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffRole;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The inputs of the changes to the staff list; each validates itself. */
public final class StaffInputs {
    private StaffInputs() {
    }

    /** A new staff member, the categories they handle (empty: all) and the chats they work from. */
    public record AddStaff(String name, StaffRole role, Set<String> categories, List<StaffIdentity> identities) {
        public AddStaff {
            name = validName(name);
            Objects.requireNonNull(role, "role");
            categories = Set.copyOf(categories);
            identities = List.copyOf(identities);
        }
    }

    /** A change to a staff member; a null field stays as it is. */
    public record ChangeStaff(long staffId, String name, StaffRole role, Boolean active, Set<String> categories) {
        public ChangeStaff {
            id(staffId);
            name = name == null ? null : validName(name);
            categories = categories == null ? null : Set.copyOf(categories);
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        return name.strip();
    }

    static void id(long staffId) {
        if (staffId < 1) {
            throw new IllegalArgumentException("staffId must be a staff member's id");
        }
    }
}
