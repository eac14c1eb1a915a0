package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog refusals = new RefusalLog(clock, lines::add);

    @Test
    void logsTheFirstRefusalAndCountsTheRestOfTheMinuteInOneLine() {
        for (int i = 0; i < 2_000; i++) {
            refusals.refused("Telegram webhook calls with a wrong or missing secret token");
        }
        clock.advance(Duration.ofSeconds(59));
        refusals.flush();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("refused Telegram webhook calls with a wrong or missing secret token");

        clock.advance(Duration.ofSeconds(1));
        refusals.flush();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("refused 1999 more Telegram webhook calls with a wrong or missing secret "
                + "token in the minute from 2026-11-30T10:00:00Z");
    }

    @Test
    void reportsTheCountOfTheLastMinuteWhenTheNextRefusalComesLater() {
        refusals.refused("API calls with a missing or wrong admin token");
        refusals.refused("API calls with a missing or wrong admin token");
        clock.advance(Duration.ofMinutes(5));
        refusals.refused("API calls with a missing or wrong admin token");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("refused 1 more API calls with a missing or wrong admin token in the "
                + "minute from 2026-11-30T10:00:00Z; refused API calls");
    }

    @Test
    void keepsEachKindApartAndSaysNothingWhenNothingMoreWasRefused() {
        refusals.refused("API calls with a missing or wrong admin token");
        refusals.refused("Telegram webhook calls with a wrong or missing secret token");
        clock.advance(Duration.ofMinutes(2));
        refusals.flush();

        assertThat(lines).hasSize(2);
    }
}
