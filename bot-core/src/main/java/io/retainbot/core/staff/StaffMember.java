package io.retainbot.core.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A member of staff and the chats they work from. */
public record StaffMember(long id, String name, StaffRole role, boolean active, List<StaffIdentity> identities,
                          Instant createdAt) {
    public StaffMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        identities = List.copyOf(identities);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
