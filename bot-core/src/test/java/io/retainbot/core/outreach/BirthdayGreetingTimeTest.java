package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Birthday;
import io.retainbot.core.testing.MutableClock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BirthdayGreetingTimeTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void greetsAtNineInTheMorningInTheCustomersOwnZone() {
        Birthday birthday = Birthday.of(3, 21);
        Instant after = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(BirthdayGreetingTime.DEFAULT.nextAfter(birthday, after, SEOUL))
                .isEqualTo(Instant.parse("2027-03-21T00:00:00Z"));
        assertThat(BirthdayGreetingTime.DEFAULT.nextAfter(birthday, after, LOS_ANGELES))
                .isEqualTo(Instant.parse("2027-03-21T16:00:00Z"));
    }

    @Test
    void aLeapDayBirthdayIsGreetedOnTheTwentyEighthInOtherYears() {
        Birthday leapDay = new Birthday(2, 29, 1988);
        MutableClock clock = MutableClock.at("2026-12-31T00:00:00Z");

        clock.set(BirthdayGreetingTime.DEFAULT.nextAfter(leapDay, clock.instant(), SEOUL));
        Instant in2027 = clock.instant();
        clock.set(BirthdayGreetingTime.DEFAULT.nextAfter(leapDay, clock.instant(), SEOUL));
        Instant in2028 = clock.instant();

        assertThat(in2027.atZone(SEOUL).toLocalDateTime().toString()).isEqualTo("2027-02-28T09:00");
        assertThat(in2028.atZone(SEOUL).toLocalDateTime().toString()).isEqualTo("2028-02-29T09:00");
        assertThat(BirthdayGreetingTime.DEFAULT.in(leapDay, 2029, SEOUL))
                .isEqualTo(Instant.parse("2029-02-28T00:00:00Z"));
    }

    @Test
    void aBirthdayOnTheDayClocksGoForwardIsStillGreetedAtNine() {
        // Los Angeles moves clocks forward at 02:00 on 14 March 2027.
        Birthday birthday = Birthday.of(3, 14);

        Instant greeting = BirthdayGreetingTime.DEFAULT.nextAfter(birthday, Instant.parse("2027-03-01T00:00:00Z"),
                LOS_ANGELES);

        assertThat(greeting.atZone(LOS_ANGELES).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(greeting).isEqualTo(Instant.parse("2027-03-14T16:00:00Z"));
    }

    @Test
    void aConfiguredTimeIsUsedInsteadOfNine() {
        BirthdayGreetingTime atTen = new BirthdayGreetingTime(LocalTime.of(10, 30));

        assertThat(atTen.in(Birthday.of(7, 1), 2027, SEOUL)).isEqualTo(Instant.parse("2027-07-01T01:30:00Z"));
    }

    @Test
    void onceTheGreetingTimePassesTheNextIsAYearLater() {
        Birthday birthday = Birthday.of(12, 31);
        Instant greeting = BirthdayGreetingTime.DEFAULT.in(birthday, 2026, SEOUL);

        assertThat(BirthdayGreetingTime.DEFAULT.nextAfter(birthday, greeting, SEOUL))
                .isEqualTo(BirthdayGreetingTime.DEFAULT.in(birthday, 2027, SEOUL));
    }
}
