package io.retainbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutreachSettingsTest {
    @Test
    void capsMarketingAtOneInThreeDaysAndIsQuietFromNineInTheEveningByDefault() {
        OutreachSettings settings = OutreachSettings.fromEnvironment(Map.of());

        assertThat(settings.policy().frequencyCap()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.policy().quietFrom()).isEqualTo(LocalTime.of(21, 0));
        assertThat(settings.policy().quietUntil()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void readsTheCapInHoursAndTheQuietHoursAsASpan() {
        OutreachSettings settings = OutreachSettings.fromEnvironment(Map.of("MARKETING_FREQUENCY_CAP_HOURS", " 168 ",
                "MARKETING_QUIET_HOURS", "22:30 - 8:00"));

        assertThat(settings.policy().frequencyCap()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.policy().quietFrom()).isEqualTo(LocalTime.of(22, 30));
        assertThat(settings.policy().quietUntil()).isEqualTo(LocalTime.of(8, 0));
        assertThat(settings).hasToString("[frequencyCap=168h, quietHours=22:30-08:00]");
    }

    @Test
    void offMeansNoQuietHours() {
        OutreachSettings settings = OutreachSettings.fromEnvironment(Map.of("MARKETING_QUIET_HOURS", "OFF",
                "MARKETING_FREQUENCY_CAP_HOURS", "0"));

        assertThat(settings.policy().quietFrom()).isEqualTo(settings.policy().quietUntil());
        assertThat(settings.policy().frequencyCap()).isZero();
        assertThat(settings).hasToString("[frequencyCap=0h, quietHours=off]");
    }

    @Test
    void namesTheSettingAndTheFixWhenAValueIsWrong() {
        assertThatThrownBy(() -> OutreachSettings.fromEnvironment(Map.of("MARKETING_FREQUENCY_CAP_HOURS", "3 days")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MARKETING_FREQUENCY_CAP_HOURS")
                .hasMessageContaining("72");
        assertThatThrownBy(() -> OutreachSettings.fromEnvironment(Map.of("MARKETING_FREQUENCY_CAP_HOURS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MARKETING_FREQUENCY_CAP_HOURS");
        assertThatThrownBy(() -> OutreachSettings.fromEnvironment(Map.of("MARKETING_QUIET_HOURS", "21-9")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MARKETING_QUIET_HOURS")
                .hasMessageContaining("21:00-09:00");
        assertThatThrownBy(() -> OutreachSettings.fromEnvironment(Map.of("MARKETING_QUIET_HOURS", "25:00-09:00")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MARKETING_QUIET_HOURS");
        assertThatThrownBy(() -> OutreachSettings.fromEnvironment(Map.of("MARKETING_QUIET_HOURS", "09:00-09:00")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("off");
    }
}
