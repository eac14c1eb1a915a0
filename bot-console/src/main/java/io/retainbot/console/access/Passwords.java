package io.retainbot.console.access;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;

/**
 * Staff passwords as bcrypt hashes (cost {@value #COST} by default: a quarter of a second or so per
 * guess). A password longer than bcrypt's 72 bytes is first reduced with SHA-512, so no part of it is
 * ignored. Checking against an unknown account costs the same as against a known one.
 */
public final class Passwords {
    public static final int COST = 12;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private final int cost;
    private final LongPasswordStrategy longPasswords = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    private final String decoy;

    /** @param cost bcrypt's log2 of the work: {@value #COST} for real use; tests may go as low as 4 */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt's cost is 4 to 31, was " + cost);
        }
        this.cost = cost;
        this.decoy = hash("a password nobody has, for timing");
    }

    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, longPasswords).hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, longPasswords)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of one check when there is no account to check against. */
    public void checkNothing(String password) {
        matches(password, decoy);
    }

    /** The message key of what is wrong with a new password, or null when it will do. */
    public static String problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "account.password.too_short";
        }
        if (password.length() > MAX_LENGTH) {
            return "account.password.too_long";
        }
        return null;
    }
}
