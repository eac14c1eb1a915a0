package io.retainbot.core.outreach;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a recurring message goes out, as a marketer says it: "first Saturday of every month at
 * 10:00", "the 15th of every month", "every year on 1 January", "every Monday at 09:30". The rule
 * is a local date and time; {@link #nextAfter} places it in a time zone (the business's or each
 * customer's own). A local time that a daylight-saving change skips falls on the first moment after
 * the gap; one that happens twice falls on the first.
 */
public sealed interface CalendarRule {
    /** The time of day when the marketer names none. */
    LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

    /** How to say a rule, for error messages. */
    String EXAMPLES = "\"first Saturday of every month at 10:00\", \"the 15th of every month\", "
            + "\"every year on 1 January at 09:00\" or \"every Monday at 09:30\"";

    LocalTime at();

    /** The first date on or after {@code from} that the rule falls on. */
    LocalDate firstDateOnOrAfter(LocalDate from);

    /** The rule in the words {@link #parse} reads. */
    String describe();

    /** The first moment strictly after {@code after} that the rule falls on, in {@code zone}. */
    default Instant nextAfter(Instant after, ZoneId zone) {
        LocalDate date = firstDateOnOrAfter(after.atZone(zone).toLocalDate());
        while (true) {
            Instant candidate = ZonedDateTime.of(date, at(), zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            date = firstDateOnOrAfter(date.plusDays(1));
        }
    }

    /** "first Saturday of every month at 10:00"; {@code ordinal} 1 to 4, or -1 for the last. */
    record NthWeekdayOfMonth(int ordinal, DayOfWeek weekday, LocalTime at) implements CalendarRule {
        public NthWeekdayOfMonth {
            if (ordinal != -1 && (ordinal < 1 || ordinal > 4)) {
                throw new IllegalArgumentException("the week in the month is first to fourth, or last; was " + ordinal);
            }
            Objects.requireNonNull(weekday, "weekday");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate firstDateOnOrAfter(LocalDate from) {
            LocalDate inMonth = inMonthOf(from);
            return inMonth.isBefore(from) ? inMonthOf(from.plusMonths(1)) : inMonth;
        }

        private LocalDate inMonthOf(LocalDate date) {
            return date.with(ordinal == -1 ? TemporalAdjusters.lastInMonth(weekday)
                    : TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
        }

        @Override
        public String describe() {
            String[] names = {"last", "first", "second", "third", "fourth"};
            return names[ordinal == -1 ? 0 : ordinal] + " " + Words.weekday(weekday) + " of every month at " + at;
        }
    }

    /** "the 15th of every month"; a day the month lacks (the 31st in April) falls on its last day. */
    record DayOfMonth(int day, LocalTime at) implements CalendarRule {
        public DayOfMonth {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("a day of the month is 1 to 31, was " + day);
            }
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate firstDateOnOrAfter(LocalDate from) {
            LocalDate inMonth = inMonthOf(from);
            return inMonth.isBefore(from) ? inMonthOf(from.withDayOfMonth(1).plusMonths(1)) : inMonth;
        }

        private LocalDate inMonthOf(LocalDate date) {
            return date.withDayOfMonth(Math.min(day, date.lengthOfMonth()));
        }

        @Override
        public String describe() {
            return "the " + Words.ordinal(day) + " of every month at " + at;
        }
    }

    /** "every year on 1 January"; 29 February falls on 28 February in other years. */
    record Yearly(MonthDay date, LocalTime at) implements CalendarRule {
        public Yearly {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate firstDateOnOrAfter(LocalDate from) {
            LocalDate thisYear = date.atYear(from.getYear());
            return thisYear.isBefore(from) ? date.atYear(from.getYear() + 1) : thisYear;
        }

        @Override
        public String describe() {
            return "every year on " + date.getDayOfMonth() + " " + Words.month(date.getMonth()) + " at " + at;
        }
    }

    /** "every day at 09:00". */
    record Daily(LocalTime at) implements CalendarRule {
        public Daily {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate firstDateOnOrAfter(LocalDate from) {
            return from;
        }

        @Override
        public String describe() {
            return "every day at " + at;
        }
    }

    /** "every Monday at 09:30". */
    record Weekly(DayOfWeek weekday, LocalTime at) implements CalendarRule {
        public Weekly {
            Objects.requireNonNull(weekday, "weekday");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate firstDateOnOrAfter(LocalDate from) {
            return from.with(TemporalAdjusters.nextOrSame(weekday));
        }

        @Override
        public String describe() {
            return "every " + Words.weekday(weekday) + " at " + at;
        }
    }

    /**
     * Reads a rule as a marketer writes it (any case, "each" for "every", "at 10", "at 10:30", "at 7pm").
     *
     * @throws IllegalArgumentException with examples of what is understood
     */
    static CalendarRule parse(String words) {
        return Words.parse(words);
    }

    /** The English words of calendar rules, read and written. */
    final class Words {
        private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
        private static final String MONTH =
                "(january|february|march|april|may|june|july|august|september|october|november|december)";
        private static final String TIME = "(?:\\s+at\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?)?";
        private static final String EVERY_MONTH = "of\\s+(?:every|each)\\s+month";
        private static final Pattern NTH_WEEKDAY = Pattern.compile(
                "(?:on\\s+)?(?:the\\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+" + WEEKDAY + "\\s+"
                        + EVERY_MONTH + TIME);
        private static final Pattern DAY_OF_MONTH = Pattern.compile(
                "(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+" + EVERY_MONTH + TIME);
        private static final Pattern MONTHLY_ON_DAY = Pattern.compile(
                "(?:every|each)\\s+month\\s+on\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?" + TIME);
        private static final Pattern YEARLY_DAY_MONTH = Pattern.compile(
                "(?:every|each)\\s+year\\s+on\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + TIME);
        private static final Pattern YEARLY_MONTH_DAY = Pattern.compile(
                "(?:every|each)\\s+year\\s+on\\s+" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?" + TIME);
        private static final Pattern WEEKLY = Pattern.compile("(?:every|each)\\s+" + WEEKDAY + TIME);
        private static final Pattern DAILY = Pattern.compile("(?:every|each)\\s+day" + TIME);

        private Words() {
        }

        static CalendarRule parse(String words) {
            if (words == null || words.isBlank()) {
                throw new IllegalArgumentException("say when, for example " + EXAMPLES);
            }
            String text = words.strip().toLowerCase(Locale.ROOT).replaceAll("[,.]", " ").replaceAll("\\s+", " ")
                    .strip();
            Matcher matcher = NTH_WEEKDAY.matcher(text);
            if (matcher.matches()) {
                return new NthWeekdayOfMonth(ordinal(matcher.group(1)), DayOfWeek.valueOf(upper(matcher.group(2))),
                        time(matcher, 3));
            }
            matcher = DAY_OF_MONTH.matcher(text);
            if (!matcher.matches()) {
                matcher = MONTHLY_ON_DAY.matcher(text);
            }
            if (matcher.matches()) {
                return new DayOfMonth(Integer.parseInt(matcher.group(1)), time(matcher, 2));
            }
            matcher = YEARLY_DAY_MONTH.matcher(text);
            if (matcher.matches()) {
                return new Yearly(monthDay(Month.valueOf(upper(matcher.group(2))), matcher.group(1)),
                        time(matcher, 3));
            }
            matcher = YEARLY_MONTH_DAY.matcher(text);
            if (matcher.matches()) {
                return new Yearly(monthDay(Month.valueOf(upper(matcher.group(1))), matcher.group(2)),
                        time(matcher, 3));
            }
            matcher = DAILY.matcher(text);
            if (matcher.matches()) {
                return new Daily(time(matcher, 1));
            }
            matcher = WEEKLY.matcher(text);
            if (matcher.matches()) {
                return new Weekly(DayOfWeek.valueOf(upper(matcher.group(1))), time(matcher, 2));
            }
            throw new IllegalArgumentException("\"" + words.strip() + "\" is not a rule I understand; say it like "
                    + EXAMPLES);
        }

        private static int ordinal(String word) {
            return switch (word) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                case "fourth", "4th" -> 4;
                default -> -1;
            };
        }

        private static MonthDay monthDay(Month month, String day) {
            int number = Integer.parseInt(day);
            if (number < 1 || number > month.maxLength()) {
                throw new IllegalArgumentException(Words.month(month) + " has no day " + number);
            }
            return MonthDay.of(month, number);
        }

        private static LocalTime time(Matcher matcher, int group) {
            if (matcher.group(group) == null) {
                return DEFAULT_TIME;
            }
            int hour = Integer.parseInt(matcher.group(group));
            int minute = matcher.group(group + 1) == null ? 0 : Integer.parseInt(matcher.group(group + 1));
            String half = matcher.group(group + 2);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    throw new IllegalArgumentException("with am or pm the hour is 1 to 12, was " + hour);
                }
                hour = hour % 12 + (half.equals("pm") ? 12 : 0);
            }
            if (hour > 23 || minute > 59) {
                throw new IllegalArgumentException("not a time of day: " + matcher.group(group)
                        + (matcher.group(group + 1) == null ? "" : ":" + matcher.group(group + 1)));
            }
            return LocalTime.of(hour, minute);
        }

        private static String upper(String word) {
            return word.toUpperCase(Locale.ROOT);
        }

        static String weekday(DayOfWeek day) {
            return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }

        static String month(Month month) {
            return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }

        static String ordinal(int day) {
            String suffix = (day % 100 >= 11 && day % 100 <= 13) ? "th" : switch (day % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
            return day + suffix;
        }
    }
}
