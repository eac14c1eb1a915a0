package io.retainbot.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * How a staff member signs in to the console: a login (their email) and the slow hash of their
 * password (never the password itself).
 */
public record StaffCredential(long staffId, String login, String passwordHash, Instant changedAt) {
    public StaffCredential {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
