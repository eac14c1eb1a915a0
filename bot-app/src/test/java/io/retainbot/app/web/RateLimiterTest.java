package io.retainbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void allowsTheLimitWithinAMinuteAndRefusesTheNext() {
        assertThat(limiter.tryAcquire("session")).isTrue();
        assertThat(limiter.tryAcquire("session")).isTrue();
        assertThat(limiter.tryAcquire("session")).isTrue();
        assertThat(limiter.tryAcquire("session")).isFalse();
    }

    @Test
    void countsEachKeyOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("busy");
        }

        assertThat(limiter.tryAcquire("busy")).isFalse();
        assertThat(limiter.tryAcquire("quiet")).isTrue();
    }

    @Test
    void allowsAgainOnceTheOldestActionLeavesTheWindow() {
        limiter.tryAcquire("session");
        clock.advance(Duration.ofSeconds(30));
        limiter.tryAcquire("session");
        limiter.tryAcquire("session");

        clock.advance(Duration.ofSeconds(29));
        boolean stillFull = limiter.tryAcquire("session");
        clock.advance(Duration.ofSeconds(2));
        boolean oneFreed = limiter.tryAcquire("session");
        boolean fullAgain = limiter.tryAcquire("session");

        assertThat(stillFull).isFalse();
        assertThat(oneFreed).isTrue();
        assertThat(fullAgain).isFalse();
    }

    @Test
    void refusedAttemptsDoNotCountAgainstTheNextWindow() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("session");
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(limiter.tryAcquire("session")).isTrue();
        assertThat(limiter.tryAcquire("session")).isTrue();
        assertThat(limiter.tryAcquire("session")).isTrue();
    }
}
