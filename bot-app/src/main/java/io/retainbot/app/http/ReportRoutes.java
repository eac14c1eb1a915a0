package io.retainbot.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.app.http.HttpServer.ClientError;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.outreach.OutreachReport;
import io.retainbot.core.port.OptOutStore;
import io.retainbot.core.port.ServiceReportStore.Row;
import io.retainbot.core.usecase.ServiceReports;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/reports/service?from=2026-09-01&to=2026-12-01&category=delivery}: the service report over
 * the complaints filed in the period, all or one category's; {@code GET /api/reports/outreach}: why customers
 * left, per broadcast and template what was sent, and per week of the period messages sent, opt-outs and
 * offer codes issued and redeemed (dates are days in the business's time zone; times in ISO form work too).
 */
public final class ReportRoutes {
    private final ServiceReports reports;
    private final OutreachReport outreach;
    private final BusinessConfig business;

    public ReportRoutes(ServiceReports reports, OutreachReport outreach, BusinessConfig business) {
        this.reports = reports;
        this.outreach = outreach;
        this.business = business;
    }

    public void mount(JavalinConfig config) {
        config.routes.get("/api/reports/service", this::service);
        config.routes.get("/api/reports/outreach", this::outreach);
        config.routes.get("/api/referrals", this::referrals);
    }

    private void service(Context ctx) {
        Instant from = moment(ctx, "from");
        Instant to = moment(ctx, "to");
        ServiceReports.Report report;
        try {
            report = reports.report(from, to, ctx.queryParam("category"));
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
        ctx.json(new ReportView(report.from(), report.to(), report.zone().getId(), report.category(),
                FiguresView.of(report.overall(), null),
                report.top().stream().map(row -> new TopView(row.category(), label(row.category()), row.complaints()))
                        .toList(),
                report.byCategory().stream().map(row -> FiguresView.of(row, label(row.category()))).toList(),
                report.byWeek().stream().map(row -> FiguresView.of(row, null)).toList()));
    }

    private void outreach(Context ctx) {
        Instant from = moment(ctx, "from");
        Instant to = moment(ctx, "to");
        ServiceReports.OutreachWeeks weeks;
        try {
            weeks = reports.outreach(from, to);
        } catch (IllegalArgumentException invalid) {
            throw new ClientError(400, invalid.getMessage());
        }
        OutreachReport.Figures figures = outreach.figures();
        ctx.json(new OutreachView(figures.exitReasons(), figures.exitTexts(), figures.broadcasts(),
                figures.templates(), weeks.from(), weeks.to(), weeks.zone().getId(), weeks.weeks()));
    }

    /** Exit reasons and the tallies per broadcast and template over all time; {@code byWeek} over [from, to). */
    record OutreachView(java.util.Map<String, Long> exitReasons, List<String> exitTexts,
                        List<OptOutStore.BroadcastTally> broadcasts, List<OptOutStore.TemplateTally> templates,
                        Instant from, Instant to, String zone, List<OptOutStore.WeekTally> byWeek) {
    }

    /** The referral directory of the business file, all of it or what suits one category. */
    private void referrals(Context ctx) {
        String category = ctx.queryParam("category");
        if (category != null && !category.isBlank() && business.category(category.strip()).isEmpty()) {
            throw new ClientError(400, "category: unknown category; the categories are " + String.join(", ",
                    business.categories().stream().map(ComplaintCategory::id).toList()));
        }
        ctx.json(java.util.Map.of("items", business.referrals().stream()
                .filter(referral -> category == null || category.isBlank() || referral.categories().isEmpty()
                        || referral.categories().contains(category.strip()))
                .map(referral -> new ReferralView(referral.id(), referral.name(), referral.description(),
                        referral.contact(), referral.categories())).toList()));
    }

    record ReferralView(String id, java.util.Map<String, String> name, java.util.Map<String, String> description,
                        String contact, List<String> categories) {
    }

    private String label(String category) {
        return business.category(category).map(ComplaintCategory::labels).map(labels -> labels.get("en"))
                .orElse(category);
    }

    private Instant moment(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.contains("T") ? Instant.parse(value.strip())
                    : LocalDate.parse(value.strip()).atStartOfDay(business.zone()).toInstant();
        } catch (DateTimeException invalid) {
            throw new ClientError(400, name + ": \"" + value.replaceAll("[^0-9A-Za-z:.+-]", "?")
                    + "\" is neither a date like 2026-11-01 nor a time like 2026-11-01T09:00:00Z");
        }
    }

    record TopView(String category, String label, long complaints) {
    }

    /** Times in seconds; shares from 0 to 1; averages over the answers given (null when none). */
    record FiguresView(String category, String label, LocalDate week, long complaints, long resolved, long referred,
                       long withdrawn, TimeView firstResponse, ResolutionView resolution, PromiseView promises,
                       ScoreView satisfaction, ScoreView effort) {
        static FiguresView of(Row row, String label) {
            return new FiguresView(row.category(), label, row.week(), row.complaints(), row.resolved(), row.referred(),
                    row.withdrawn(), new TimeView(seconds(row.firstResponseMedian()), seconds(row.firstResponseP90())),
                    new ResolutionView(seconds(row.resolutionMedian()), seconds(row.resolutionP90()),
                            row.resolutionsDue(), row.resolutionsInTime(), share(row.resolutionsInTime(),
                            row.resolutionsDue())),
                    new PromiseView(row.promisesDue(), row.promisesKept(), share(row.promisesKept(), row.promisesDue())),
                    new ScoreView(round(row.satisfaction()), row.satisfactionAnswers()),
                    new ScoreView(round(row.effort()), row.effortAnswers()));
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
        }

        private static Long seconds(Double value) {
            return value == null ? null : Math.round(value);
        }

        private static Double round(Double value) {
            return value == null ? null : Math.round(value * 100.0) / 100.0;
        }
    }

    record TimeView(Long medianSeconds, Long p90Seconds) {
    }

    /** {@code due}: resolved or referred, or past the resolution target; {@code withinTarget}: done by then. */
    record ResolutionView(Long medianSeconds, Long p90Seconds, long due, long withinTarget, Double withinTargetShare) {
    }

    record PromiseView(long due, long kept, Double keptShare) {
    }

    record ScoreView(Double average, long answers) {
    }

    /** @param category the category the report was narrowed to, null for all */
    record ReportView(Instant from, Instant to, String zone, String category, FiguresView overall, List<TopView> topCategories,
                      List<FiguresView> byCategory, List<FiguresView> byWeek) {
    }
}
