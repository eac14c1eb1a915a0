package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.port.ServiceReportStore.Row;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How the service went over a period: first-response and resolution times (median and 90th percentile),
 * the share resolved within the category's resolution target, the share of promises kept, satisfaction and effort averages, the most common complaint categories;
 * overall, by category and by week (in the business's time zone). A complaint belongs to the period it
 * was filed in.
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

    /** @param byCategory most complaints first; {@code top} its first few, the most common categories */
    public record Report(Instant from, Instant to, ZoneId zone, Row overall, List<Row> byCategory, List<Row> byWeek,
                         List<Row> top) {
    }

    /** The report for complaints filed in [from, to); null ends mean the default period up to now. */
    public Report report(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = Objects.requireNonNullElse(to, now);
        Instant start = Objects.requireNonNullElse(from, end.minus(DEFAULT_PERIOD));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("from: a report covers at most " + MAX_PERIOD.toDays() + " days");
        }
        List<Row> rows = transactor.inTransaction(session -> session.serviceReports().figures(start, end,
                business.zone(), now));
        Row overall = rows.stream().filter(row -> row.category() == null && row.week() == null).findFirst()
                .orElseGet(() -> new Row(null, null, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, null, 0, null, 0));
        List<Row> byCategory = rows.stream().filter(row -> row.category() != null).toList();
        List<Row> byWeek = rows.stream().filter(row -> row.week() != null)
                .sorted(java.util.Comparator.comparing(Row::week)).toList();
        return new Report(start, end, business.zone(), overall, byCategory, byWeek,
                byCategory.stream().limit(TOP).toList());
    }
}
