package io.retainbot.core.staff;

import java.time.Instant;

/**
 * A change to a staff member's console account, with who made it.
 *
 * @param changedBy the staff member who made it; null for the business itself (the set-up link or the admin token)
 */
public record AccountChange(long id, long staffId, Long changedBy, String what, Instant at) {
}
