package io.retainbot.console.access;

import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.util.Objects;

/**
 * A signed-in staff member, as one request sees them: who they are and the token their forms must carry.
 *
 * @param tokenSha256 the session's key (the SHA-256 of its cookie)
 */
public record Signed(StaffMember staff, String csrfToken, String tokenSha256) {
    public Signed {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
    }

    public boolean is(StaffRole role) {
        return staff.role() == role;
    }

    /** Agents, supervisors and admins work on complaints; marketers do not read them. */
    public boolean handlesComplaints() {
        return staff.role() != StaffRole.MARKETER;
    }

    public boolean isAdmin() {
        return staff.role() == StaffRole.ADMIN;
    }
}
