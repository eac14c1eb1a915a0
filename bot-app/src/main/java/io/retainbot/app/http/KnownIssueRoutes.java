package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.complaint.ComplaintCluster;
import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.KnownIssueCount;
import io.retainbot.core.usecase.KnownIssues;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Known product issues and their fixes under {@code /api/known-issues} (behind the admin token): create,
 * list, get, replace, delete (refused once a fix was offered: close it instead), each with how often its
 * fix was offered and whether it helped; and {@code /api/reports/known-issues} with those counts for a
 * period, for the service report.
 */
public final class KnownIssueRoutes {
    private static final Set<String> FIELDS = new TreeSet<>(List.of("title", "symptoms", "categories", "fixes",
            "status"));
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final KnownIssues issues;
    private final ZoneId businessZone;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public KnownIssueRoutes(KnownIssues issues, ZoneId businessZone, Clock clock) {
        this.issues = issues;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    public void mount(JavalinConfig config) {
        config.routes.post("/api/known-issues", ctx -> {
            KnownIssue.Draft draft = draft(ctx);
            KnownIssue created = valid(() -> issues.create(draft));
            ctx.status(201).json(IssueView.of(created, countsById().get(created.id())));
        });
        config.routes.get("/api/known-issues", ctx -> {
            Map<Long, KnownIssueCount> counts = countsById();
            ctx.json(new Items<>(issues.list().stream().map(issue -> IssueView.of(issue, counts.get(issue.id())))
                    .toList()));
        });
        config.routes.get("/api/known-issues/{id}", ctx -> {
            KnownIssue issue = issues.find(id(ctx)).orElseThrow(() -> notFound(ctx));
            ctx.json(IssueView.of(issue, countsById().get(issue.id())));
        });
        config.routes.put("/api/known-issues/{id}", ctx -> {
            long id = id(ctx);
            KnownIssue.Draft draft = draft(ctx);
            KnownIssue updated = valid(() -> issues.update(id, draft)).orElseThrow(() -> notFound(ctx));
            ctx.json(IssueView.of(updated, countsById().get(updated.id())));
        });
        config.routes.delete("/api/known-issues/{id}", ctx -> {
            switch (issues.delete(id(ctx))) {
                case DELETED -> ctx.status(204);
                case NOT_FOUND -> throw notFound(ctx);
                case IN_USE -> throw new HttpServer.ClientError(409, "known issue " + ctx.pathParam("id")
                        + " was offered on complaints and is counted in reports; close it instead "
                        + "(PUT with \"status\": \"closed\")");
            }
        });
        config.routes.get("/api/reports/known-issues", this::report);
    }

    private void report(Context ctx) {
        Instant to = day(ctx, "to").orElseGet(() -> clock.instant());
        Instant from = day(ctx, "from").orElseGet(() -> to.minus(DEFAULT_PERIOD));
        List<KnownIssueCount> counts = valid(() -> issues.counts(from, to));
        ctx.json(new Report(from, to, counts.stream().map(CountView::of).toList(),
                issues.clusters(from, to).stream().map(ClusterView::of).toList()));
    }

    private java.util.Optional<Instant> day(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(businessZone).toInstant());
        } catch (DateTimeException invalid) {
            throw new HttpServer.ClientError(400, name + ": \"" + value.replaceAll("[^\\w:.+-]", "?")
                    + "\" is neither a date like 2026-11-01 nor a time like 2026-11-01T09:00:00Z");
        }
    }

    private KnownIssue.Draft draft(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(FIELDS);
        String title = body.requiredText("title");
        List<String> symptoms = body.list("symptoms", JsonInput.JsonElement::text);
        Set<String> categories = body.set("categories", element -> element.text().strip());
        Map<String, String> fixes = body.texts("fixes");
        String status = body.text("status");
        if (status != null && !Set.of("open", "closed").contains(status)) {
            throw body.error("status", "is open or closed");
        }
        return valid(() -> new KnownIssue.Draft(title, symptoms, categories, fixes, !"closed".equals(status)));
    }

    private Map<Long, KnownIssueCount> countsById() {
        return issues.counts(Instant.EPOCH, clock.instant().plus(Duration.ofDays(1))).stream()
                .collect(Collectors.toMap(KnownIssueCount::knownIssueId, Function.identity()));
    }

    /** Runs {@code work}; an input that refused itself (its message names the field) is the client's 400. */
    private static <T> T valid(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException invalid) {
            throw new HttpServer.ClientError(400, invalid.getMessage());
        }
    }

    private static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new HttpServer.ClientError(400, "id: a known issue's id is a positive whole number");
    }

    private static HttpServer.ClientError notFound(Context ctx) {
        return new HttpServer.ClientError(404, "no known issue " + ctx.pathParam("id"));
    }

    record Items<T>(List<T> items) {
    }

    /** A known issue with how often its fix was offered (ever) and how customers answered. */
    record IssueView(long id, String title, List<String> symptoms, List<String> categories, Map<String, String> fixes,
                     String status, Instant createdAt, Instant updatedAt, long offered, long helped, long notHelped,
                     long unanswered) {
        static IssueView of(KnownIssue issue, KnownIssueCount count) {
            return new IssueView(issue.id(), issue.title(), issue.symptoms(), issue.categories().stream().sorted().toList(),
                    new java.util.TreeMap<>(issue.fixes()), issue.open() ? "open" : "closed", issue.createdAt(),
                    issue.updatedAt(), count == null ? 0 : count.offered(), count == null ? 0 : count.helped(),
                    count == null ? 0 : count.notHelped(), count == null ? 0 : count.unanswered());
        }
    }

    record CountView(long knownIssueId, String title, String status, long offered, long helped, long notHelped,
                     long unanswered) {
        static CountView of(KnownIssueCount count) {
            return new CountView(count.knownIssueId(), count.title(), count.open() ? "open" : "closed", count.offered(),
                    count.helped(), count.notHelped(), count.unanswered());
        }
    }

    record ClusterView(String category, int complaints, Instant firstAt, Instant flaggedAt) {
        static ClusterView of(ComplaintCluster cluster) {
            return new ClusterView(cluster.category(), cluster.complaints(), cluster.firstAt(), cluster.flaggedAt());
        }
    }

    record Report(Instant from, Instant to, List<CountView> knownIssues, List<ClusterView> clusters) {
    }
}
