package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BroadcastScheduleTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void aMembershipDayInTheBusinessZoneIsDueAtItsLocalTimeThere() {
        BroadcastSchedule schedule = new BroadcastSchedule.Recurring(
                CalendarRule.parse("first Saturday of every month at 10:00"), BroadcastSchedule.ZoneMode.BUSINESS);

        LocalDateTime first = schedule.first(NOW, SEOUL).orElseThrow();

        assertThat(first).isEqualTo(LocalDateTime.parse("2026-12-05T10:00"));
        assertThat(schedule.dueAt(first, SEOUL)).isEqualTo(Instant.parse("2026-12-05T01:00:00Z"));
        assertThat(schedule.after(first)).contains(LocalDateTime.parse("2027-01-02T10:00"));
    }

    @Test
    void inEachCustomersZoneItIsDueWhereTheDayStartsFirst() {
        BroadcastSchedule schedule = new BroadcastSchedule.Recurring(
                CalendarRule.parse("every year on 1 January at 09:00"), BroadcastSchedule.ZoneMode.CUSTOMER);

        LocalDateTime first = schedule.first(NOW, SEOUL).orElseThrow();

        assertThat(first).isEqualTo(LocalDateTime.parse("2027-01-01T09:00"));
        assertThat(schedule.dueAt(first, SEOUL)).isEqualTo(Instant.parse("2026-12-31T19:00:00Z"));
        assertThat(schedule.after(first)).contains(LocalDateTime.parse("2028-01-01T09:00"));
    }

    @Test
    void setUpOnTheDayAnOccurrenceInEachCustomersZoneStillCoversTheZonesWhereItsTimeIsAheadOrJustPassed() {
        BroadcastSchedule daily = new BroadcastSchedule.Recurring(CalendarRule.parse("every day at 09:00"),
                BroadcastSchedule.ZoneMode.CUSTOMER);

        // 07:00 in Seoul on 5 December: 4 December's 09:00 passed an hour ago in UTC-12, so the day to
        // cover first is the 4th; the 5th (past 09:00 in UTC+14, ahead in Seoul) is due right after it
        LocalDateTime first = daily.first(Instant.parse("2026-12-04T22:00:00Z"), SEOUL).orElseThrow();
        assertThat(first).isEqualTo(LocalDateTime.parse("2026-12-04T09:00"));
        assertThat(daily.after(first)).contains(LocalDateTime.parse("2026-12-05T09:00"));
        assertThat(daily.dueAt(daily.after(first).orElseThrow(), SEOUL)).isBefore(Instant.parse("2026-12-04T22:00:00Z"));
        // 5 December's 09:00 passed 11 h ago where the day ends last (UTC-12): that day is still covered
        assertThat(daily.first(Instant.parse("2026-12-06T08:00:00Z"), SEOUL))
                .contains(LocalDateTime.parse("2026-12-05T09:00"));
        // 13 h ago there: the next day
        assertThat(daily.first(Instant.parse("2026-12-06T10:00:00Z"), SEOUL))
                .contains(LocalDateTime.parse("2026-12-06T09:00"));
    }

    @Test
    void theNextOccurrenceOnTheSameDayCountsOnlyIfLater() {
        BroadcastSchedule schedule = new BroadcastSchedule.Recurring(CalendarRule.parse("every Monday at 09:30"),
                BroadcastSchedule.ZoneMode.BUSINESS);

        assertThat(schedule.after(LocalDateTime.parse("2026-11-30T09:00"))).contains(LocalDateTime.parse("2026-11-30T09:30"));
        assertThat(schedule.after(LocalDateTime.parse("2026-11-30T09:30"))).contains(LocalDateTime.parse("2026-12-07T09:30"));
    }

    @Test
    void aOneOffHasOneOccurrence() {
        BroadcastSchedule once = new BroadcastSchedule.Once(NOW);

        LocalDateTime first = once.first(NOW, SEOUL).orElseThrow();

        assertThat(once.dueAt(first, SEOUL)).isEqualTo(NOW);
        assertThat(once.after(first)).isEmpty();
    }
}
