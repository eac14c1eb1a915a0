package io.retainbot.app.http;

import io.retainbot.core.port.Transactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who may use the REST API: holders of the admin token. The token comes from {@code ADMIN_TOKEN},
 * or is generated on first start and shown once; only its SHA-256 is stored and compared (in
 * constant time), so neither the database nor the logs hold it.
 */
public final class AdminAccess {
    static final String SETTING = "admin_token_sha256";

    private final byte[] expectedHash;

    private AdminAccess(byte[] expectedHash) {
        this.expectedHash = expectedHash;
    }

    /**
     * @param configured  the token from the environment, if any
     * @param showOnce    told the generated token, the one time it exists in clear
     */
    public static AdminAccess establish(Optional<String> configured, Transactor transactor, SecureRandom random,
                                        Consumer<String> showOnce) {
        if (configured.isPresent()) {
            return new AdminAccess(sha256(configured.get()));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String candidateHash = HexFormat.of().formatHex(sha256(candidate));
        String stored = transactor.inTransaction(session -> session.settings().putIfAbsent(SETTING, candidateHash));
        if (stored.equals(candidateHash)) {
            showOnce.accept(candidate);
        }
        return new AdminAccess(HexFormat.of().parseHex(stored));
    }

    /** Whether an {@code Authorization} header carries the admin token. */
    public boolean permits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expectedHash, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
