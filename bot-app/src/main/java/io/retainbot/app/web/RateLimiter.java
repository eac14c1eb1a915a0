package io.retainbot.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} actions per key in any window of {@code window} (a sliding window), for keys
 * such as a chat session or a client address. Keys idle for a whole window are forgotten, so the
 * memory held follows the visitors of the last window only.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 1_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private int sinceSweep;

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one action for {@code key} if the limit allows it; returns whether it was allowed. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        sweepNowAndThen(now);
        Deque<Instant> times = recent.computeIfAbsent(key, unused -> new ArrayDeque<>());
        synchronized (times) {
            forgetBefore(times, now.minus(window));
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void sweepNowAndThen(Instant now) {
        synchronized (this) {
            if (++sinceSweep < SWEEP_EVERY) {
                return;
            }
            sinceSweep = 0;
        }
        Instant horizon = now.minus(window);
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                forgetBefore(entry.getValue(), horizon);
                return entry.getValue().isEmpty();
            }
        });
    }

    private static void forgetBefore(Deque<Instant> times, Instant horizon) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
    }
}
