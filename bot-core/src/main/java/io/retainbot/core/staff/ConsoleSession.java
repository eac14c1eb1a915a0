package io.retainbot.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in console session, known by the SHA-256 of its cookie; {@code csrfToken} must come back
 * with every form it posts.
 */
public record ConsoleSession(String tokenSha256, long staffId, String csrfToken, Instant createdAt,
                             Instant lastSeenAt, Instant expiresAt) {
    public ConsoleSession {
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
