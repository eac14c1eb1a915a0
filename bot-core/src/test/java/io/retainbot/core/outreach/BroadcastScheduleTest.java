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
