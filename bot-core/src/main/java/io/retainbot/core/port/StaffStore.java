package io.retainbot.core.port;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Staff members and the chats they work from. */
public interface StaffStore {
    StaffMember add(String name, StaffRole role, Instant now);

    Optional<StaffMember> find(long staffId);

    Optional<StaffMember> findByIdentity(Platform platform, String userId);

    /**
     * Links a platform user to a staff member. Returns false (and changes nothing) if that user
     * already works as another staff member.
     */
    boolean link(long staffId, StaffIdentity identity);

    /** Returns whether there was such a staff member. */
    boolean setActive(long staffId, boolean active);

    List<StaffMember> list(boolean activeOnly);

    /** Changes name and role; returns whether there was such a staff member. */
    boolean update(long staffId, String name, StaffRole role);

    /** Replaces the categories the staff member handles (empty: all). */
    void setCategories(long staffId, java.util.Set<String> categories);

    /** Removes the link of a platform user to this staff member; returns whether there was one. */
    boolean unlink(long staffId, Platform platform, String userId);
}
