package io.retainbot.core.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member of staff, the chats they work from, and the complaint categories they handle (empty: all).
 */
public record StaffMember(long id, String name, StaffRole role, boolean active, List<StaffIdentity> identities,
                          Instant createdAt, Set<String> categories) {
    public StaffMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        identities = List.copyOf(identities);
        Objects.requireNonNull(createdAt, "createdAt");
        categories = java.util.Collections.unmodifiableSet(new TreeSet<>(categories));
    }

    public StaffMember(long id, String name, StaffRole role, boolean active, List<StaffIdentity> identities,
                       Instant createdAt) {
        this(id, name, role, active, identities, createdAt, Set.of());
    }

    /** Whether this person takes complaints of the category (an agent with no categories takes all). */
    public boolean handles(String category) {
        return categories.isEmpty() || categories.contains(category);
    }

    /**
     * How customers know this person: the first word of the name ("Mia" for "Mia Santos"). The full name is for
     * colleagues (the console, the staff chats); a customer talking with a person reads the first name only.
     */
    public String firstName() {
        String trimmed = name.strip();
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
            space++;
        }
        return space == 0 ? name : trimmed.substring(0, space);
    }
}
