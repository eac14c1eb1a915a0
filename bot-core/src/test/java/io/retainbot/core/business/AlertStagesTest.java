package io.retainbot.core.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alert stages counted in opening time: Mon-Fri 09-18, Sat 10-14 in Seoul, Christmas closed. */
class AlertStagesTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final OpeningCalendar calendar = new OpeningCalendar(SEOUL, BusinessHours.standard(),
            Set.of(LocalDate.of(2026, 12, 25)));

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }

    private Instant stage(String filed, String promised, int percent) {
        return AlertStages.at(calendar, seoul(filed), seoul(promised), percent);
    }

    @Test
    void withinOneWorkingDayTheStagesAreFractionsOfTheDay() {
        assertThat(stage("2026-11-24T09:00", "2026-11-24T17:00", 50)).isEqualTo(seoul("2026-11-24T13:00"));
        assertThat(stage("2026-11-24T09:00", "2026-11-24T17:00", 80)).isEqualTo(seoul("2026-11-24T15:24"));
        assertThat(stage("2026-11-24T09:00", "2026-11-24T17:00", 100)).isEqualTo(seoul("2026-11-24T17:00"));
    }

    @Test
    void overAWeekendOnlyOpeningHoursCount() {
        // Friday 16-18 (2 h), Saturday 10-14 (4 h), Monday 9-12 (3 h): 9 hours of opening time
        assertThat(calendar.openBetween(seoul("2026-11-27T16:00"), seoul("2026-11-30T12:00")))
                .isEqualTo(Duration.ofHours(9));
        assertThat(stage("2026-11-27T16:00", "2026-11-30T12:00", 50)).isEqualTo(seoul("2026-11-28T12:30"));
        assertThat(stage("2026-11-27T16:00", "2026-11-30T12:00", 80)).isEqualTo(seoul("2026-11-30T10:12"));
    }

    @Test
    void aHolidayDoesNotCount() {
        // Thursday 17-18 (1 h), Christmas Friday closed, Saturday 10-14 (4 h), Monday 9-11 (2 h): 7 hours
        assertThat(calendar.openBetween(seoul("2026-12-24T17:00"), seoul("2026-12-28T11:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(stage("2026-12-24T17:00", "2026-12-28T11:00", 50)).isEqualTo(seoul("2026-12-26T12:30"));
        assertThat(stage("2026-12-24T17:00", "2026-12-28T11:00", 80)).isEqualTo(seoul("2026-12-28T09:36"));
    }

    @Test
    void filedAtNightTheFirstStageFallsAfterOpening() {
        // filed Tuesday 22:00, promised Wednesday 13:00: 4 hours of opening time, from 09:00
        assertThat(stage("2026-11-24T22:00", "2026-11-25T13:00", 50)).isEqualTo(seoul("2026-11-25T11:00"));
    }

    @Test
    void addingOpeningTimeSkipsClosedHoursAndZeroAddsNothing() {
        assertThat(calendar.afterOpenTime(seoul("2026-11-27T17:00"), Duration.ofHours(2)))
                .isEqualTo(seoul("2026-11-28T11:00"));
        assertThat(calendar.afterOpenTime(seoul("2026-11-28T20:00"), Duration.ZERO)).isEqualTo(seoul("2026-11-28T20:00"));
        assertThat(stage("2026-11-28T20:00", "2026-11-28T20:00", 50)).as("promised at once").isEqualTo(
                seoul("2026-11-28T20:00"));
    }

    @Test
    void stagesAreAscendingPercentages() {
        assertThat(AlertStages.DEFAULT.percents()).containsExactly(50, 80, 100);
        assertThatThrownBy(() -> new AlertStages(List.of(80, 50))).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new AlertStages(List.of(0, 50))).hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> new AlertStages(List.of(50, 120))).hasMessageContaining("from 1 to 100");
    }
}
