package io.retainbot.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.console.MarketingViews.Option;
import io.retainbot.console.ReportCharts.Chart;
import io.retainbot.console.access.Signed;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.usecase.ServiceReports;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service report page: charts drawn in the browser (Chart.js from its WebJar, served by the app) from the
 * report use case's figures, each with its numbers in a table and as a CSV download, over a date range and
 * for all complaints or one category. Staff who handle complaints (agents, supervisors, admins) see the
 * complaint charts; staff who reach out (marketers, admins) see the outreach charts; admins see both.
 */
public final class ReportDesk {
    /** The Chart.js of the WebJar the console serves (the root pom's {@code chartjs.version}; a test checks). */
    static final String CHART_JS_VERSION = "4.5.1";
    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/" + CHART_JS_VERSION
            + "/dist/chart.umd.min.js";

    private final ServiceReports reports;
    private final BusinessConfig business;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ReportDesk(ServiceReports reports, BusinessConfig business, Clock clock) {
        this.reports = reports;
        this.business = business;
        this.clock = clock;
    }

    static boolean seesService(Signed signed) {
        return signed.handlesComplaints();
    }

    static boolean seesOutreach(Signed signed) {
        return MarketingDesk.reachesOut(signed);
    }

    void mount(JavalinConfig config, Console console) {
        config.routes.get("/console/assets/chart.umd.min.js", ctx -> Console.asset(ctx, CHART_JS,
                "text/javascript; charset=utf-8"));
        config.routes.get("/console/assets/report.js", ctx -> Console.asset(ctx, "console/report.js",
                "text/javascript; charset=utf-8"));
        config.routes.get("/console/report", ctx -> console.signedGet(ctx, signed -> page(ctx, signed, console)));
        config.routes.get("/console/report/csv/{chart}", ctx -> console.signedGet(ctx, signed ->
                csv(ctx, signed, console)));
    }

    /** A chart as the page shows it: title, what it shows, the drawing's data as JSON, the numbers, the CSV link. */
    public record ChartView(String id, String title, String text, boolean empty, String data, List<String> header,
                            List<List<String>> rows, String csv) {
    }

    /** @param range the period in words; null when the form has a problem (then nothing is shown but the form) */
    public record ReportPage(Frame frame, Form form, List<Option> categories, String range, String error,
                             List<ChartView> service, List<ChartView> outreach, boolean categoryChosen) {
    }

    /** The period and category a form asks for: [from, to] as days in the business's zone. */
    private record Asked(LocalDate from, LocalDate to, String category) {
        String fileName(String chart) {
            return "retainbot-" + chart + "-" + from + "-to-" + to
                    + (category == null ? "" : "-" + category.replaceAll("[^A-Za-z0-9_-]", "_")) + ".csv";
        }
    }

    private void page(Context ctx, Signed signed, Console console) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Frame frame = console.frame(ctx, signed, "report.title", "report");
        Form form = new Form(ctx.queryParamMap());
        List<Option> categories = business.categories().stream()
                .map(category -> new Option(category.id(), category.label(texts.language()))).toList();
        ReportPage page;
        try {
            page = page(signed, frame, categories, asked(form), texts);
        } catch (FormProblem problem) {
            ctx.status(400);
            console.html(ctx, "report.jte", new ReportPage(frame, form, categories, null, problem.message(texts),
                    List.of(), List.of(), !form.value("category").isEmpty()));
            return;
        }
        console.html(ctx, "report.jte", page);
    }

    private ReportPage page(Signed signed, Frame frame, List<Option> categories, Asked asked, ConsoleTexts.In texts) {
        Form shown = new Form(Map.of("from", List.of(asked.from().toString()), "to", List.of(asked.to().toString()),
                "category", List.of(asked.category() == null ? "" : asked.category())));
        List<ChartView> service = new ArrayList<>();
        if (seesService(signed)) {
            ServiceReports.Report report = report(asked);
            for (String id : ReportCharts.SERVICE) {
                service.add(view(ReportCharts.serviceChart(id, report, business, texts), asked, texts));
            }
        }
        List<ChartView> outreach = new ArrayList<>();
        if (seesOutreach(signed)) {
            ServiceReports.OutreachWeeks weeks = outreach(asked);
            for (String id : ReportCharts.OUTREACH) {
                outreach.add(view(ReportCharts.outreachChart(id, weeks, texts), asked, texts));
            }
        }
        return new ReportPage(frame, shown, categories, texts.get("report.range", asked.from(), asked.to()), null,
                service, outreach, asked.category() != null);
    }

    private void csv(Context ctx, Signed signed, Console console) {
        String id = ctx.pathParam("chart");
        boolean ofComplaints = ReportCharts.SERVICE.contains(id);
        if (!ofComplaints && !ReportCharts.OUTREACH.contains(id)) {
            console.notFound(ctx, signed, console.frameTexts(ctx).get("report.chart.unknown"));
            return;
        }
        if (!console.allowed(ctx, signed, ofComplaints ? seesService(signed) : seesOutreach(signed))) {
            return;
        }
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Asked asked;
        Chart chart;
        try {
            asked = asked(new Form(ctx.queryParamMap()));
            chart = ofComplaints ? ReportCharts.serviceChart(id, report(asked), business, texts)
                    : ReportCharts.outreachChart(id, outreach(asked), texts);
        } catch (FormProblem problem) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(problem.message(texts));
            return;
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + asked.fileName(id) + "\"")
                .result(chart.csv());
    }

    /** Reads the form: dates like 2026-11-01 (default: the twelve weeks up to today), a known category or none. */
    private Asked asked(Form form) {
        LocalDate today = clock.instant().atZone(business.zone()).toLocalDate();
        LocalDate to = date(form, "to", today);
        LocalDate from = date(form, "from", to.minusDays(ServiceReports.DEFAULT_PERIOD.toDays() - 1));
        if (from.isAfter(to)) {
            throw new FormProblem("report.range.backwards");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > ServiceReports.MAX_PERIOD.toDays()) {
            throw new FormProblem("report.range.too_long", ServiceReports.MAX_PERIOD.toDays());
        }
        String category = form.value("category");
        if (!category.isEmpty() && business.category(category).isEmpty()) {
            throw new FormProblem("report.category.unknown");
        }
        return new Asked(from, to, category.isEmpty() ? null : category);
    }

    private static LocalDate date(Form form, String field, LocalDate otherwise) {
        String value = form.value(field);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                throw new FormProblem("report.date.invalid." + field);
            }
            return date;
        } catch (DateTimeException notADate) {
            throw new FormProblem("report.date.invalid." + field);
        }
    }

    /**
     * The report over the days asked for. The use case measures the period in time, the form in days: a
     * longest period whose clocks went back an hour is refused there, and said here like any too long one.
     */
    private ServiceReports.Report report(Asked asked) {
        try {
            return reports.report(start(asked.from()), start(asked.to().plusDays(1)), asked.category());
        } catch (IllegalArgumentException refused) {
            throw new FormProblem("report.range.too_long", ServiceReports.MAX_PERIOD.toDays());
        }
    }

    private ServiceReports.OutreachWeeks outreach(Asked asked) {
        try {
            return reports.outreach(start(asked.from()), start(asked.to().plusDays(1)));
        } catch (IllegalArgumentException refused) {
            throw new FormProblem("report.range.too_long", ServiceReports.MAX_PERIOD.toDays());
        }
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(business.zone()).toInstant();
    }

    private ChartView view(Chart chart, Asked asked, ConsoleTexts.In texts) {
        List<String> header = new ArrayList<>();
        header.add(texts.get(chart.firstColumns().get(0).equals("week") ? "report.week" : "report.category.column"));
        chart.series().forEach(series -> header.add(series.label()));
        String csv = "/console/report/csv/" + chart.id() + "?from=" + asked.from() + "&to=" + asked.to()
                + (asked.category() == null ? "" : "&category=" + java.net.URLEncoder.encode(asked.category(),
                java.nio.charset.StandardCharsets.UTF_8));
        String key = "report.chart." + chart.id().replace('-', '_');
        return new ChartView(chart.id(), texts.get(key), texts.get(key + ".text"), chart.empty(), data(chart), header,
                chart.shown(), csv);
    }

    /** What the page's script draws: the labels, the drawn series with their values as shown, the axis and whether it counts. */
    private String data(Chart chart) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", chart.kind());
        data.put("labels", chart.labels());
        data.put("axis", chart.axis());
        data.put("whole", chart.wholeNumbers());
        data.put("series", chart.series().stream().filter(ReportCharts.Series::drawn).map(series -> Map.of(
                "label", series.label(), "values", series.values().stream().map(value -> value == null ? null
                        : chart.divisor() == 1 ? value : Math.round(value.doubleValue() / chart.divisor() * 10) / 10.0)
                        .toList())).toList());
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
