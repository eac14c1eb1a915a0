package io.retainbot.core.outbox;

import java.time.Duration;
import java.time.Instant;

/** A token bucket: {@code capacity} tokens, one more every {@code interval}. Not thread-safe. */
final class TokenBucket {
    private final double capacity;
    private final long intervalNanos;
    private double tokens;
    private Instant refilledAt;
    private Instant heldUntil = Instant.MIN;

    TokenBucket(double capacity, Duration interval, Instant now) {
        this.capacity = capacity;
        this.intervalNanos = Math.max(1, interval.toNanos());
        this.tokens = capacity;
        this.refilledAt = now;
    }

    static TokenBucket perSecond(double rate, Instant now) {
        double safeRate = Math.max(rate, 0.001);
        return new TokenBucket(Math.max(1.0, safeRate), Duration.ofNanos((long) (1_000_000_000L / safeRate)), now);
    }

    /** Takes a token if one is there. */
    boolean tryTake(Instant now) {
        if (now.isBefore(heldUntil)) {
            return false;
        }
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** How many whole tokens may be taken now. */
    int available(Instant now) {
        if (now.isBefore(heldUntil)) {
            return 0;
        }
        refill(now);
        return (int) Math.floor(tokens);
    }

    /** When the next token will be there. */
    Instant nextTokenAt(Instant now) {
        if (now.isBefore(heldUntil)) {
            return heldUntil;
        }
        refill(now);
        if (tokens >= 1.0) {
            return now;
        }
        return now.plusNanos((long) ((1.0 - tokens) * intervalNanos));
    }

    /** Nothing may be taken before {@code until} (the platform said to wait); then the bucket starts full again. */
    void drainUntil(Instant until) {
        heldUntil = until;
        tokens = capacity;
        refilledAt = until;
    }

    /**
     * Nothing may be taken before {@code until}; then one token is there and the rest come at the rate:
     * for a platform-wide budget, where a full bucket at once would run straight into the limit again.
     */
    void resumeGentlyAt(Instant until) {
        heldUntil = until;
        tokens = Math.min(1.0, capacity);
        refilledAt = until;
    }

    boolean isFull(Instant now) {
        if (now.isBefore(heldUntil)) {
            return false;
        }
        refill(now);
        return tokens >= capacity;
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            long elapsed = Duration.between(refilledAt, now).toNanos();
            tokens = Math.min(capacity, tokens + (double) elapsed / intervalNanos);
            refilledAt = now;
        }
    }
}
