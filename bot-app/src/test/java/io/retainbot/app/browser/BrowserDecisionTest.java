package io.retainbot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserDecisionTest {
    @Test
    void runsWhereverChromiumIsInstalled() {
        assertThat(Browser.decide(true, "true")).isEqualTo(Browser.Decision.RUN);
        assertThat(Browser.decide(true, null)).isEqualTo(Browser.Decision.RUN);
    }

    @Test
    void failsOnCiWithoutChromium() {
        assertThat(Browser.decide(false, "true")).isEqualTo(Browser.Decision.FAIL);
        assertThat(Browser.decide(false, "TRUE")).isEqualTo(Browser.Decision.FAIL);
    }

    @Test
    void skipsOnADevelopersMachineWithoutChromium() {
        assertThat(Browser.decide(false, null)).isEqualTo(Browser.Decision.SKIP);
        assertThat(Browser.decide(false, "false")).isEqualTo(Browser.Decision.SKIP);
    }
}
