package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromOneSecondUpToThirty() {
        Backoff backoff = new Backoff();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(backoff.failed().toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void startsOverAfterASuccess() {
        Backoff backoff = new Backoff();
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsTheLongestAfterARefusalThatWillNotPass() {
        Backoff backoff = new Backoff();

        assertThat(backoff.refusedForGood()).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(30));
    }
}
