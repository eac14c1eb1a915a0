package io.retainbot.core.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one chat may be sent to: a token bucket of {@code burst} messages refilled one per
 * {@code interval}. Telegram private chats: burst 3, one a second; groups: twenty a minute.
 */
public record Pacing(int burst, Duration interval) {
    public Pacing {
        Objects.requireNonNull(interval, "interval");
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }
}
