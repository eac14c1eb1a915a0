package io.retainbot.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret a client sends as {@code Authorization: Bearer <token>}, held only as its SHA-256 and compared in
 * constant time (the admin token, the metrics token).
 */
final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private final byte[] expectedHash;

    private BearerToken(byte[] expectedHash) {
        this.expectedHash = expectedHash;
    }

    /** The token in clear, as the environment gives it. */
    static BearerToken of(String token) {
        return new BearerToken(sha256(token));
    }

    /** A token known only by its SHA-256 (as stored). */
    static BearerToken ofHash(byte[] hash) {
        return new BearerToken(hash.clone());
    }

    /** Whether an {@code Authorization} header carries this token. */
    boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedHash, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
