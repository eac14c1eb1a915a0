package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.testing.MutableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarRuleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    @Test
    void readsTheRulesAMarketerSays() {
        assertThat(CalendarRule.parse("first Saturday of every month at 10:00"))
                .isEqualTo(new CalendarRule.NthWeekdayOfMonth(1, DayOfWeek.SATURDAY, LocalTime.of(10, 0)));
        assertThat(CalendarRule.parse("the 15th of every month"))
                .isEqualTo(new CalendarRule.DayOfMonth(15, CalendarRule.DEFAULT_TIME));
        assertThat(CalendarRule.parse("every year on 1 January"))
                .isEqualTo(new CalendarRule.Yearly(MonthDay.of(1, 1), CalendarRule.DEFAULT_TIME));
        assertThat(CalendarRule.parse("Every year on December 24th at 6pm"))
                .isEqualTo(new CalendarRule.Yearly(MonthDay.of(12, 24), LocalTime.of(18, 0)));
        assertThat(CalendarRule.parse("  LAST friday of each month at 7:30 "))
                .isEqualTo(new CalendarRule.NthWeekdayOfMonth(-1, DayOfWeek.FRIDAY, LocalTime.of(7, 30)));
        assertThat(CalendarRule.parse("every month on the 1st at 12am"))
                .isEqualTo(new CalendarRule.DayOfMonth(1, LocalTime.MIDNIGHT));
        assertThat(CalendarRule.parse("every Monday at 09:30"))
                .isEqualTo(new CalendarRule.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 30)));
    }

    @Test
    void describesEachRuleInWordsItReadsBack() {
        for (String words : List.of("first Saturday of every month at 10:00", "the 15th of every month",
                "every year on 29 February at 08:15", "last Sunday of every month at 23:59", "every Friday at 17:00",
                "the 22nd of every month at 11:00")) {
            CalendarRule rule = CalendarRule.parse(words);
            assertThat(CalendarRule.parse(rule.describe())).isEqualTo(rule);
        }
        assertThat(CalendarRule.parse("first saturday of every month at 10").describe())
                .isEqualTo("first Saturday of every month at 10:00");
    }

    @Test
    void refusesWhatItDoesNotUnderstandWithExamples() {
        assertThatThrownBy(() -> CalendarRule.parse("every other Tuesday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first Saturday of every month at 10:00");
        assertThatThrownBy(() -> CalendarRule.parse("every year on 30 February"))
                .hasMessageContaining("February has no day 30");
        assertThatThrownBy(() -> CalendarRule.parse("the 32nd of every month"))
                .hasMessageContaining("1 to 31");
        assertThatThrownBy(() -> CalendarRule.parse("every Monday at 25:00")).hasMessageContaining("not a time");
        assertThatThrownBy(() -> CalendarRule.parse("every Monday at 13pm")).hasMessageContaining("1 to 12");
        assertThatThrownBy(() -> CalendarRule.parse(" ")).hasMessageContaining("say when");
    }

    @Test
    void membershipDayFollowsTheClockAcrossMonthEndsAndYears() {
        CalendarRule rule = CalendarRule.parse("first Saturday of every month at 10:00");
        MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");

        List<ZonedDateTime> days = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant next = rule.nextAfter(clock.instant(), SEOUL);
            days.add(next.atZone(SEOUL));
            clock.set(next);
        }

        assertThat(days).extracting(ZonedDateTime::toLocalDateTime).extracting(Object::toString)
                .containsExactly("2026-12-05T10:00", "2027-01-02T10:00", "2027-02-06T10:00", "2027-03-06T10:00");
    }

    @Test
    void isDueAgainOnlyAfterTheMomentPasses() {
        CalendarRule rule = CalendarRule.parse("the 15th of every month at 09:00");
        Instant due = Instant.parse("2027-01-15T00:00:00Z");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        assertThat(rule.nextAfter(due.minusNanos(1), tokyo)).isEqualTo(due);
        assertThat(rule.nextAfter(due, tokyo)).isEqualTo(Instant.parse("2027-02-15T00:00:00Z"));
    }

    @Test
    void aDayTheMonthLacksFallsOnItsLastDay() {
        CalendarRule rule = CalendarRule.parse("the 31st of every month at 10:00");
        MutableClock clock = MutableClock.at("2028-01-31T10:00:00Z");

        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.set(rule.nextAfter(clock.instant(), ZoneId.of("UTC")));
            dates.add(clock.instant().toString());
        }

        assertThat(dates).containsExactly("2028-02-29T10:00:00Z", "2028-03-31T10:00:00Z", "2028-04-30T10:00:00Z",
                "2028-05-31T10:00:00Z");
    }

    @Test
    void theTwentyNinthOfFebruaryFallsOnTheTwentyEighthOutsideLeapYears() {
        CalendarRule rule = CalendarRule.parse("every year on 29 February at 09:00");
        MutableClock clock = MutableClock.at("2027-01-01T00:00:00Z");

        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.set(rule.nextAfter(clock.instant(), ZoneId.of("UTC")));
            dates.add(clock.instant().toString());
        }

        assertThat(dates).containsExactly("2027-02-28T09:00:00Z", "2028-02-29T09:00:00Z", "2029-02-28T09:00:00Z");
    }

    @Test
    void theSameLocalTimeIsADifferentMomentInEachCustomersZone() {
        CalendarRule newYear = CalendarRule.parse("every year on 1 January at 00:00");
        Instant after = Instant.parse("2026-12-31T00:00:00Z");

        assertThat(newYear.nextAfter(after, SEOUL)).isEqualTo(Instant.parse("2026-12-31T15:00:00Z"));
        assertThat(newYear.nextAfter(after, MANILA)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(newYear.nextAfter(after, NEW_YORK)).isEqualTo(Instant.parse("2027-01-01T05:00:00Z"));
    }

    @Test
    void aTimeSkippedBySpringForwardFallsRightAfterTheGap() {
        // Berlin skips 02:00 to 03:00 on Sunday 28 March 2027, the last Sunday of March.
        CalendarRule rule = CalendarRule.parse("last Sunday of every month at 02:30");

        Instant next = rule.nextAfter(Instant.parse("2027-03-01T00:00:00Z"), BERLIN);

        assertThat(next.atZone(BERLIN).toLocalDateTime().toString()).isEqualTo("2027-03-28T03:30");
        assertThat(next).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aTimeRepeatedByFallBackFallsOnItsFirstOccurrenceOnce() {
        // New York repeats 01:00 to 02:00 on Sunday 7 November 2027.
        CalendarRule rule = CalendarRule.parse("every Sunday at 01:30");
        Instant first = rule.nextAfter(Instant.parse("2027-11-06T12:00:00Z"), NEW_YORK);

        Instant afterIt = rule.nextAfter(first, NEW_YORK);

        assertThat(first).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
        assertThat(afterIt).isEqualTo(Instant.parse("2027-11-14T06:30:00Z"));
    }

    @Test
    void weeklyRulesKeepTheirLocalTimeAcrossDaylightSavingChanges() {
        CalendarRule rule = CalendarRule.parse("every Saturday at 10:00");
        MutableClock clock = MutableClock.at("2027-03-20T12:00:00Z");

        List<String> moments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.set(rule.nextAfter(clock.instant(), BERLIN));
            moments.add(clock.instant().toString());
        }

        // 10:00 in winter time is 09:00 UTC, in summer time 08:00 UTC.
        assertThat(moments).containsExactly("2027-03-27T09:00:00Z", "2027-04-03T08:00:00Z", "2027-04-10T08:00:00Z");
    }
}
