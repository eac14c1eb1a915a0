package io.retainbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.port.ServiceReportStore.Row;
import io.retainbot.core.usecase.ServiceReports;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    private static final ConsoleTexts.In ENGLISH = ConsoleTexts.builtIn().in("en");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-16");

    @Test
    void writesTheWeeklyTimesInWholeSecondsAndLeavesWeeksWithoutAnswersEmpty() {
        ServiceReports.Report report = report(List.of(), List.of(
                row(null, MONDAY, 3, 7200.4, 9000.0), row(null, MONDAY.plusWeeks(1), 0, null, null)));

        ReportCharts.Chart chart = ReportCharts.serviceChart("first-response", report, BusinessConfig.defaults(), ENGLISH);

        assertThat(chart.csv()).isEqualTo("week,median_seconds,p90_seconds\r\n"
                + "2026-11-16,7200,9000\r\n"
                + "2026-11-23,,\r\n");
        assertThat(chart.shown()).containsExactly(List.of("2026-11-16", "2.0", "2.5"), List.of("2026-11-23", "—", "—"));
        assertThat(chart.empty()).isFalse();
        assertThat(chart.wholeNumbers()).as("hours are drawn with fractions").isFalse();
        assertThat(ReportCharts.serviceChart("promises", report, BusinessConfig.defaults(), ENGLISH).wholeNumbers())
                .isTrue();
    }

    @Test
    void quotesCategoryLabelsWithCommasAndQuotesAndDisarmsFormulas() {
        BusinessConfig business = withCategories(
                new ComplaintCategory("gifts", Map.of("en", "Gifts, \"wrapped\""), Duration.ofHours(24)),
                new ComplaintCategory("formula", Map.of("en", "=HYPERLINK(\"x\")"), Duration.ofHours(24)));
        ServiceReports.Report report = report(List.of(row("gifts", null, 4, null, null),
                row("formula", null, 1, null, null)), List.of());

        ReportCharts.Chart chart = ReportCharts.serviceChart("categories", report, business, ENGLISH);

        assertThat(chart.csv()).isEqualTo("category,label,complaints,resolved,referred\r\n"
                + "gifts,\"Gifts, \"\"wrapped\"\"\",4,0,0\r\n"
                + "formula,\"'=HYPERLINK(\"\"x\"\")\",1,0,0\r\n");
    }

    @Test
    void aPeriodWithoutComplaintsHasNothingToDraw() {
        ServiceReports.Report report = report(List.of(), List.of(row(null, MONDAY, 0, null, null)));

        for (String id : ReportCharts.SERVICE) {
            assertThat(ReportCharts.serviceChart(id, report, BusinessConfig.defaults(), ENGLISH).empty()).as(id).isTrue();
        }
    }

    private static ServiceReports.Report report(List<Row> byCategory, List<Row> byWeek) {
        return new ServiceReports.Report(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"),
                ZoneId.of("UTC"), null, row(null, null, 0, null, null), byCategory, byWeek, byCategory);
    }

    private static Row row(String category, LocalDate week, long complaints, Double median, Double p90) {
        return new Row(category, week, complaints, 0, 0, 0, median, p90, null, null, 0, 0, 0, 0, null, 0, null, 0);
    }

    private static BusinessConfig withCategories(ComplaintCategory... categories) {
        BusinessConfig defaults = BusinessConfig.defaults();
        List<ComplaintCategory> all = new ArrayList<>(List.of(categories));
        return new BusinessConfig(defaults.companyName(), defaults.zone(), defaults.hours(), defaults.holidays(), all,
                defaults.promise(), defaults.referrals(), defaults.templates());
    }
}
