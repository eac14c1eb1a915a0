package io.retainbot.core.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpeningCalendarTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Duration HOUR = Duration.ofHours(1);

    private final OpeningCalendar calendar = new OpeningCalendar(SEOUL, BusinessHours.standard(),
            Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    void keepsATimeWithinOpeningHours() {
        ZonedDateTime tuesday = seoul("2026-11-24T16:00");

        assertThat(calendar.credibleFrom(tuesday, HOUR)).isEqualTo(tuesday);
    }

    @Test
    void closingTimeItselfIsStillCredible() {
        assertThat(calendar.credibleFrom(seoul("2026-11-24T18:00"), HOUR)).isEqualTo(seoul("2026-11-24T18:00"));
    }

    @Test
    void movesAnEveningToTheNextMorningPlusTheLead() {
        assertThat(calendar.credibleFrom(seoul("2026-11-24T19:00"), HOUR)).isEqualTo(seoul("2026-11-25T10:00"));
    }

    @Test
    void movesTheOpeningMinuteOnByTheLead() {
        assertThat(calendar.credibleFrom(seoul("2026-11-24T09:00"), HOUR)).isEqualTo(seoul("2026-11-24T10:00"));
    }

    @Test
    void skipsSundayAndUsesSaturdaysShortHours() {
        assertThat(calendar.credibleFrom(seoul("2026-11-28T15:00"), HOUR)).isEqualTo(seoul("2026-11-30T10:00"));
        assertThat(calendar.credibleFrom(seoul("2026-11-28T08:00"), HOUR)).isEqualTo(seoul("2026-11-28T11:00"));
    }

    @Test
    void skipsHolidays() {
        assertThat(calendar.credibleFrom(seoul("2026-12-24T20:00"), HOUR)).isEqualTo(seoul("2026-12-26T11:00"));
    }

    @Test
    void answersInTheBusinessZoneWhateverZoneItIsAskedIn() {
        ZonedDateTime utcEvening = ZonedDateTime.parse("2026-11-24T10:00Z");

        assertThat(calendar.credibleFrom(utcEvening, HOUR)).isEqualTo(seoul("2026-11-25T10:00"));
    }

    private static ZonedDateTime seoul(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SEOUL);
    }
}
