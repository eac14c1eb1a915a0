package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.port.OptOutStore.WeekTally;
import io.retainbot.core.port.ServiceReportStore.Row;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the service went over a period: first-response and resolution times (median and 90th percentile),
 * the share resolved within the category's resolution target, the share of promises kept, satisfaction and
 * effort averages, the most common complaint categories; overall, by category and by week (in the
 * business's time zone), for all complaints or one category. A complaint belongs to the period it was filed
 * in. And how outreach went in the same weeks: broadcast messages sent, opt-outs, offer codes issued and
 * redeemed. Every week the period touches has its row, also a week with nothing in it.
 */
public final class ServiceReports {
    /** The period when none is asked for: the last twelve weeks. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(84);
    /** The longest period one report covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(2 * 366);
    private static final int TOP = 5;

    private final Transactor transactor;
    private final BusinessConfig business;
    private final Clock clock;

    public ServiceReports(Transactor transactor, BusinessConfig business, Clock clock) {
        this.transactor = transactor;
        this.business = business;
        this.clock = clock;
    }

    /**
     * @param category   the category the report was narrowed to, null for all
     * @param byCategory most complaints first; {@code top} its first few, the most common categories
     * @param byWeek     every week from the one {@code from} falls in to the one before {@code to}, in order
     */
    public record Report(Instant from, Instant to, ZoneId zone, String category, Row overall, List<Row> byCategory,
                         List<Row> byWeek, List<Row> top) {
    }

    /** @param weeks every week from the one {@code from} falls in to the one before {@code to}, in order */
    public record OutreachWeeks(Instant from, Instant to, ZoneId zone, List<WeekTally> weeks) {
    }

    /** The report for all complaints filed in [from, to); null ends mean the default period up to now. */
    public Report report(Instant from, Instant to) {
        return report(from, to, null);
    }

    /**
     * The report for the complaints of {@code category} (null or blank: all) filed in [from, to); null ends
     * mean the default period up to now.
     *
     * @throws IllegalArgumentException naming the parameter, for a period the wrong way round or too long, or
     *                                  a category the business does not have
     */
    public Report report(Instant from, Instant to, String category) {
        Instant now = clock.instant();
        Period period = period(from, to, now);
        String only = category == null || category.isBlank() ? null : category.strip();
        if (only != null && business.category(only).isEmpty()) {
            throw new IllegalArgumentException("category: unknown category; the categories are " + String.join(", ",
                    business.categories().stream().map(ComplaintCategory::id).toList()));
        }
        List<Row> rows = transactor.inTransaction(session -> session.serviceReports().figures(period.from(),
                period.to(), business.zone(), now, only));
        Row overall = rows.stream().filter(row -> row.category() == null && row.week() == null).findFirst()
                .orElseGet(() -> empty(null));
        List<Row> byCategory = rows.stream().filter(row -> row.category() != null).toList();
        Map<LocalDate, Row> weeks = rows.stream().filter(row -> row.week() != null)
                .collect(Collectors.toMap(Row::week, Function.identity()));
        List<Row> byWeek = weeks(period).stream().map(week -> weeks.getOrDefault(week, empty(week))).toList();
        return new Report(period.from(), period.to(), business.zone(), only, overall, byCategory, byWeek,
                byCategory.stream().limit(TOP).toList());
    }

    /** Outreach in the weeks of [from, to) (null ends as for {@link #report}): sent, opt-outs, offer codes. */
    public OutreachWeeks outreach(Instant from, Instant to) {
        Period period = period(from, to, clock.instant());
        List<WeekTally> tallies = transactor.inTransaction(session -> session.optOuts().weeklyTallies(period.from(),
                period.to(), business.zone()));
        return new OutreachWeeks(period.from(), period.to(), business.zone(),
                tallies.stream().sorted(Comparator.comparing(WeekTally::week)).toList());
    }

    private record Period(Instant from, Instant to) {
    }

    private static Period period(Instant from, Instant to, Instant now) {
        Instant end = Objects.requireNonNullElse(to, now);
        Instant start = Objects.requireNonNullElse(from, end.minus(DEFAULT_PERIOD));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("from: a report covers at most " + MAX_PERIOD.toDays() + " days");
        }
        return new Period(start, end);
    }

    /** The Mondays of the weeks the period touches, in the business's zone. */
    private List<LocalDate> weeks(Period period) {
        LocalDate first = monday(period.from());
        LocalDate last = monday(period.to().minusNanos(1));
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    private LocalDate monday(Instant at) {
        return at.atZone(business.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Row empty(LocalDate week) {
        return new Row(null, week, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, null, 0, null, 0);
    }
}
