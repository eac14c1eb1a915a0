package io.retainbot.core.outreach;

import io.retainbot.core.customer.Birthday;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a birthday greeting goes out: on the birthday at a local time (09:00 unless configured) in
 * the customer's own time zone; 29 February falls on 28 February in other years.
 */
public record BirthdayGreetingTime(LocalTime at) {
    public static final BirthdayGreetingTime DEFAULT = new BirthdayGreetingTime(LocalTime.of(9, 0));

    public BirthdayGreetingTime {
        Objects.requireNonNull(at, "at");
    }

    /** The greeting for the birthday in {@code year}, as a moment. */
    public Instant in(Birthday birthday, int year, ZoneId zone) {
        return ZonedDateTime.of(birthday.in(year), at, zone).toInstant();
    }

    /** The first greeting strictly after {@code after}. */
    public Instant nextAfter(Birthday birthday, Instant after, ZoneId zone) {
        return new CalendarRule.Yearly(birthday.monthDay(), at).nextAfter(after, zone);
    }
}
