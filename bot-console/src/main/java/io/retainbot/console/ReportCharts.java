package io.retainbot.console;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.outreach.CustomerCsv;
import io.retainbot.core.port.OptOutStore.WeekTally;
import io.retainbot.core.port.ServiceReportStore.Row;
import io.retainbot.core.usecase.ServiceReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The service report's charts, made from the report use case's figures as they are (times in seconds,
 * scores from 1 to 5, counts): one {@link Chart} is what the browser draws, the table beside it shows and
 * the CSV download holds, so the three cannot disagree. Nothing is computed here but the layout.
 */
final class ReportCharts {
    /** Charts of the complaints: for staff who handle complaints. */
    static final List<String> SERVICE = List.of("first-response", "resolution", "promises", "satisfaction",
            "categories");
    /** Charts of outreach: for staff who reach out. */
    static final List<String> OUTREACH = List.of("broadcasts", "offers");
    private static final double HOUR = 3600.0;

    private ReportCharts() {
    }

    /**
     * A series of one chart: its CSV column, its name in the reader's language, its values (null: none);
     * {@code drawn} false for a series only the table and the CSV show (how many answered, beside an average).
     */
    record Series(String column, String label, List<Number> values, boolean drawn) {
    }

    /**
     * @param firstColumns the CSV's leading columns (week; or category and its label)
     * @param keys         per point, the values of those leading columns
     * @param labels       per point, what the chart's axis says
     * @param divisor      what a value is divided by to be shown (3600: seconds shown as hours)
     * @param axis         the text of the value axis
     */
    record Chart(String id, String kind, List<String> firstColumns, List<List<String>> keys, List<String> labels,
                 List<Series> series, double divisor, String axis) {
        /** Whether every value drawn is a whole number (a count), so the axis shows no fractions. */
        boolean wholeNumbers() {
            return divisor == 1 && series.stream().filter(Series::drawn).flatMap(one -> one.values().stream())
                    .allMatch(value -> value == null || value instanceof Long);
        }

        /** Whether there is nothing to draw: every value null or zero. */
        boolean empty() {
            return series.stream().filter(Series::drawn).flatMap(one -> one.values().stream())
                    .allMatch(value -> value == null || value.doubleValue() == 0);
        }

        /** The numbers as CSV (RFC 4180, CRLF lines; texts that a spreadsheet would run as formulas made safe). */
        String csv() {
            StringBuilder csv = new StringBuilder();
            List<String> header = new ArrayList<>(firstColumns);
            series.forEach(one -> header.add(one.column()));
            csv.append(CustomerCsv.line(header));
            for (int point = 0; point < labels.size(); point++) {
                List<String> line = new ArrayList<>(keys.get(point));
                for (Series one : series) {
                    line.add(plain(one.values().get(point)));
                }
                csv.append(CustomerCsv.line(line));
            }
            return csv.toString();
        }

        /** The values as the chart and its table show them (hours with one decimal, scores with two). */
        List<List<String>> shown() {
            List<List<String>> rows = new ArrayList<>();
            for (int point = 0; point < labels.size(); point++) {
                List<String> row = new ArrayList<>();
                row.add(labels.get(point));
                for (Series one : series) {
                    Number value = one.values().get(point);
                    row.add(value == null ? "—" : divisor == 1 ? plain(value)
                            : String.format(Locale.ROOT, "%.1f", value.doubleValue() / divisor));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static Chart serviceChart(String id, ServiceReports.Report report, BusinessConfig business,
                              ConsoleTexts.In texts) {
        List<Row> weeks = report.byWeek();
        return switch (id) {
            case "first-response" -> weekly(id, "line", weeks, HOUR, texts.get("report.axis.hours"),
                    series("median_seconds", texts.get("report.series.median"), weeks,
                            row -> seconds(row.firstResponseMedian())),
                    series("p90_seconds", texts.get("report.series.p90"), weeks,
                            row -> seconds(row.firstResponseP90())));
            case "resolution" -> weekly(id, "line", weeks, HOUR, texts.get("report.axis.hours"),
                    series("median_seconds", texts.get("report.series.median"), weeks,
                            row -> seconds(row.resolutionMedian())),
                    series("p90_seconds", texts.get("report.series.p90"), weeks,
                            row -> seconds(row.resolutionP90())));
            case "promises" -> weekly(id, "bar", weeks, 1, texts.get("report.axis.count"),
                    series("due", texts.get("report.series.due"), weeks, Row::promisesDue),
                    series("kept", texts.get("report.series.kept"), weeks, Row::promisesKept));
            case "satisfaction" -> weekly(id, "line", weeks, 1, texts.get("report.axis.score"),
                    series("satisfaction_average", texts.get("report.series.satisfaction"), weeks,
                            row -> rounded(row.satisfaction())),
                    counted("satisfaction_answers", texts.get("report.series.satisfaction_answers"), weeks,
                            Row::satisfactionAnswers),
                    series("effort_average", texts.get("report.series.effort"), weeks, row -> rounded(row.effort())),
                    counted("effort_answers", texts.get("report.series.effort_answers"), weeks, Row::effortAnswers));
            case "categories" -> categories(report.byCategory(), business, texts);
            default -> throw new IllegalArgumentException("no service chart " + id);
        };
    }

    static Chart outreachChart(String id, ServiceReports.OutreachWeeks outreach, ConsoleTexts.In texts) {
        List<WeekTally> weeks = outreach.weeks();
        List<List<String>> keys = weeks.stream().map(week -> List.of(week.week().toString())).toList();
        List<String> labels = weeks.stream().map(week -> week.week().toString()).toList();
        return switch (id) {
            case "broadcasts" -> new Chart(id, "bar", List.of("week"), keys, labels, List.of(
                    series("sent", texts.get("report.series.sent"), weeks, WeekTally::sent),
                    series("opt_outs", texts.get("report.series.opt_outs"), weeks, WeekTally::optOuts)),
                    1, texts.get("report.axis.count"));
            case "offers" -> new Chart(id, "bar", List.of("week"), keys, labels, List.of(
                    series("offers_sent", texts.get("report.series.offers_sent"), weeks, WeekTally::offersSent),
                    series("offers_redeemed", texts.get("report.series.offers_redeemed"), weeks,
                            WeekTally::offersRedeemed)),
                    1, texts.get("report.axis.count"));
            default -> throw new IllegalArgumentException("no outreach chart " + id);
        };
    }

    private static Chart categories(List<Row> rows, BusinessConfig business, ConsoleTexts.In texts) {
        List<String> labels = rows.stream().map(row -> business.category(row.category())
                .map(category -> category.label(texts.language())).orElse(row.category())).toList();
        List<List<String>> keys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            keys.add(List.of(rows.get(i).category(), labels.get(i)));
        }
        return new Chart("categories", "bar", List.of("category", "label"), keys, labels, List.of(
                series("complaints", texts.get("report.series.complaints"), rows, Row::complaints),
                series("resolved", texts.get("report.series.resolved"), rows, Row::resolved),
                series("referred", texts.get("report.series.referred"), rows, Row::referred)),
                1, texts.get("report.axis.count"));
    }

    private static Chart weekly(String id, String kind, List<Row> weeks, double divisor, String axis,
                                Series... series) {
        List<List<String>> keys = weeks.stream().map(row -> List.of(row.week().toString())).toList();
        List<String> labels = weeks.stream().map(row -> row.week().toString()).toList();
        return new Chart(id, kind, List.of("week"), keys, labels, List.of(series), divisor, axis);
    }

    private static <T> Series series(String column, String label, List<T> rows, Function<T, ? extends Number> value) {
        return new Series(column, label, rows.stream().<Number>map(value::apply).toList(), true);
    }

    private static <T> Series counted(String column, String label, List<T> rows, Function<T, ? extends Number> value) {
        return new Series(column, label, rows.stream().<Number>map(value::apply).toList(), false);
    }

    /** Times in whole seconds and averages to two decimals, as the REST API gives them. */
    private static Long seconds(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100.0) / 100.0;
    }

    private static String plain(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? String.valueOf(Math.round(number)) : String.valueOf(number);
        }
        return value.toString();
    }
}
