package io.retainbot.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void answersTheFirstWrongTokensAtOnceThenMakesEachNextTryWaitLonger() {
        fail("10.0.0.1", LoginThrottle.FREE_TRIES - 1);
        assertThat(throttle.waitBefore("10.0.0.1")).isEmpty();

        fail("10.0.0.1", 1);
        assertThat(throttle.waitBefore("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("10.0.0.1")).isEmpty();

        fail("10.0.0.1", 1);
        assertThat(throttle.waitBefore("10.0.0.1")).contains(Duration.ofSeconds(2));
    }

    @Test
    void refusesAnAddressForAQuarterOfAnHourAfterTenWrongTokens() {
        fail("10.0.0.1", LoginThrottle.LOCK_AFTER);

        assertThat(throttle.waitBefore("10.0.0.1")).contains(LoginThrottle.LOCKOUT);
        clock.advance(LoginThrottle.LOCKOUT.minusSeconds(1));
        assertThat(throttle.waitBefore("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("10.0.0.1")).isEmpty();
    }

    @Test
    void slowsOnlyTheGuessingAddressAndForgivesOneThatGotItRight() {
        fail("10.0.0.1", LoginThrottle.FREE_TRIES + 1);

        assertThat(throttle.waitBefore("10.0.0.2")).isEmpty();
        throttle.succeeded("10.0.0.1");
        assertThat(throttle.waitBefore("10.0.0.1")).isEqualTo(Optional.empty());
    }

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address);
        }
    }
}
