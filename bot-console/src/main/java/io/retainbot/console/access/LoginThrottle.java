package io.retainbot.console.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Guesses of a secret (the admin token, a console password), per key (a client address, an account):
 * the first few wrong guesses are answered at once,
 * after that each next try must wait twice as long as the one before, and after
 * {@value #LOCK_AFTER} wrong tokens the address is refused for {@link #LOCKOUT}. Forgotten a while
 * after the last wrong token, and at most {@value #TRACKED} addresses are remembered (the oldest
 * go first), so the throttle itself cannot be used to fill memory.
 */
public final class LoginThrottle {
    public static final int FREE_TRIES = 5;
    public static final int LOCK_AFTER = 10;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > TRACKED;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must still wait before it may try a token; empty when it may try now. */
    public synchronized Optional<Duration> waitBefore(String address) {
        Failures past = failures.get(address);
        Instant now = clock.instant();
        if (past == null) {
            return Optional.empty();
        }
        if (!now.isBefore(past.last.plus(LOCKOUT))) {
            failures.remove(address);
            return Optional.empty();
        }
        Instant allowed = past.count >= LOCK_AFTER ? past.last.plus(LOCKOUT)
                : past.count >= FREE_TRIES ? past.last.plus(Duration.ofSeconds(1L << (past.count - FREE_TRIES)))
                : now;
        return now.isBefore(allowed) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
    }

    public synchronized void failed(String address) {
        Failures past = failures.computeIfAbsent(address, key -> new Failures());
        past.count++;
        past.last = clock.instant();
    }

    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private static final class Failures {
        private int count;
        private Instant last = Instant.EPOCH;
    }
}
