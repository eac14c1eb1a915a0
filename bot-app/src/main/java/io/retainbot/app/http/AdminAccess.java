package io.retainbot.app.http;

import io.retainbot.core.port.Transactor;
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

    private final BearerToken token;

    private AdminAccess(BearerToken token) {
        this.token = token;
    }

    /**
     * @param configured  the token from the environment, if any
     * @param showOnce    told the generated token, the one time it exists in clear
     */
    public static AdminAccess establish(Optional<String> configured, Transactor transactor, SecureRandom random,
                                        Consumer<String> showOnce) {
        if (configured.isPresent()) {
            return new AdminAccess(BearerToken.of(configured.get()));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String candidateHash = HexFormat.of().formatHex(BearerToken.sha256(candidate));
        String stored = transactor.inTransaction(session -> session.settings().putIfAbsent(SETTING, candidateHash));
        if (stored.equals(candidateHash)) {
            showOnce.accept(candidate);
        }
        return new AdminAccess(BearerToken.ofHash(HexFormat.of().parseHex(stored)));
    }

    /** Whether an {@code Authorization} header carries the admin token. */
    public boolean permits(String authorization) {
        return token.matches(authorization);
    }
}
