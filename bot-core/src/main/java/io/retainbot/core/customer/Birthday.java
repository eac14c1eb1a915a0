package io.retainbot.core.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A birthday: month and day always (29 February is allowed), the year only if the customer gave it.
 *
 * @param year the year, or {@code null} when unknown
 */
public record Birthday(int month, int day, Integer year) {
    public Birthday {
        try {
            MonthDay.of(month, day);
            if (year != null) {
                if (year < 1900 || year > 9999) {
                    throw new IllegalArgumentException("birth year must be between 1900 and 9999, was " + year);
                }
                LocalDate.of(year, month, day);
            }
        } catch (DateTimeException impossible) {
            throw new IllegalArgumentException("not a date: month " + month + ", day " + day
                    + (year == null ? "" : ", year " + year), impossible);
        }
    }

    public static Birthday of(int month, int day) {
        return new Birthday(month, day, null);
    }

    public MonthDay monthDay() {
        return MonthDay.of(month, day);
    }

    public OptionalInt knownYear() {
        return year == null ? OptionalInt.empty() : OptionalInt.of(year);
    }

    /** The date it falls on in {@code year}; 29 February falls on 28 February outside leap years. */
    public LocalDate in(int year) {
        return monthDay().atYear(year);
    }

    static Optional<Birthday> fromColumns(Integer month, Integer day, Integer year) {
        return month == null || day == null ? Optional.empty() : Optional.of(new Birthday(month, day, year));
    }
}
