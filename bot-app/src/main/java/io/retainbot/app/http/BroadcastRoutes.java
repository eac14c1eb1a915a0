package io.retainbot.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRun;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.CalendarRule;
import io.retainbot.core.outreach.Greetings;
import io.retainbot.core.outreach.Progress;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/broadcasts}: create a broadcast (segment, template, schedule), list them, read one
 * with the progress of its runs, and pause, resume or cancel it; {@code /api/greetings} for birthday
 * greetings (the outreach report is {@link ReportRoutes}').
 */
public final class BroadcastRoutes {
    private final Broadcasts broadcasts;
    private final Greetings greetings;
    private final ZoneId businessZone;
    /** How far in the past "at" may lie (the moment the marketer pressed Send, a clock a little behind). */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public BroadcastRoutes(Broadcasts broadcasts, Greetings greetings, ZoneId businessZone, Clock clock) {
        this.broadcasts = broadcasts;
        this.greetings = greetings;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    /** Adds the routes; the admin check and JSON errors of {@link HttpServer} cover them. */
    public void mount(JavalinConfig config) {
        config.routes.post("/api/broadcasts", this::create);
        config.routes.get("/api/broadcasts", ctx -> ctx.json(new OutreachRoutes.Items<>(broadcasts.list().stream()
                .map(BroadcastView::of).toList())));
        config.routes.get("/api/broadcasts/{id}", ctx -> ctx.json(DetailView.of(
                broadcasts.find(id(ctx)).orElseThrow(() -> notFound(ctx)))));
        config.routes.post("/api/broadcasts/{id}/pause", ctx -> steer(ctx, broadcasts::pause));
        config.routes.post("/api/broadcasts/{id}/resume", ctx -> steer(ctx, broadcasts::resume));
        config.routes.post("/api/broadcasts/{id}/cancel", ctx -> steer(ctx, broadcasts::cancel));
        config.routes.get("/api/greetings", ctx -> ctx.json(new GreetingsView(greetings.birthday()
                .flatMap(birthday -> broadcasts.find(birthday.id())).map(DetailView::of).orElse(null))));
        config.routes.put("/api/greetings/birthday", this::setBirthday);
    }

    private void setBirthday(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("enabled", "templateId", "at",
                "segmentId"));
        Long templateId = body.whole("templateId");
        if (templateId == null) {
            throw body.error("templateId", "is required: which template greets");
        }
        Boolean enabled = body.bool("enabled");
        String at = body.text("at");
        LocalTime time;
        try {
            time = at == null ? null : LocalTime.parse(at.strip());
        } catch (DateTimeException invalid) {
            throw body.error("at", "\"" + at + "\" is not a time of day like 09:00");
        }
        try {
            greetings.setBirthday(new Greetings.BirthdaySettings(enabled == null || enabled, templateId, time,
                    body.whole("segmentId")));
        } catch (Broadcasts.Refused refused) {
            throw new HttpServer.ClientError(400, refused.field() + ": " + refused.getMessage());
        }
        ctx.json(new GreetingsView(greetings.birthday().flatMap(birthday -> broadcasts.find(birthday.id()))
                .map(DetailView::of).orElse(null)));
    }

    private void create(Context ctx) {
        JsonInput body = JsonInput.body(json, ctx.body()).allowing(Set.of("name", "segmentId", "templateId",
                "schedule"));
        String name = body.requiredText("name");
        Long segmentId = body.whole("segmentId");
        Long templateId = body.whole("templateId");
        if (segmentId == null) {
            throw body.error("segmentId", "is required: which segment to send to");
        }
        if (templateId == null) {
            throw body.error("templateId", "is required: which template to send");
        }
        BroadcastSchedule schedule = schedule(body.object("schedule").allowing(Set.of("at", "rule", "zone")));
        Broadcast created;
        try {
            created = broadcasts.create(name, segmentId, templateId, schedule);
        } catch (Broadcasts.Refused refused) {
            throw new HttpServer.ClientError(refused.field().equals("name") ? 409 : 400,
                    refused.field() + ": " + refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            throw body.error("name", invalid.getMessage());
        }
        ctx.status(201).json(BroadcastView.of(created));
    }

    private BroadcastSchedule schedule(JsonInput schedule) {
        String at = schedule.text("at");
        String rule = schedule.text("rule");
        if ((at == null) == (rule == null)) {
            throw new HttpServer.ClientError(400, "schedule: give either \"at\" (a time such as "
                    + "2026-12-05T10:00:00Z, or \"now\") or \"rule\" (such as " + CalendarRule.EXAMPLES + ")");
        }
        if (at != null) {
            if (schedule.has("zone")) {
                throw schedule.error("zone", "only a recurring rule has a zone; \"at\" is one moment");
            }
            if (at.strip().equalsIgnoreCase("now")) {
                return new BroadcastSchedule.Once(clock.instant());
            }
            Instant moment = schedule.moment("at", businessZone);
            if (moment.isBefore(clock.instant().minus(PAST_TOLERANCE))) {
                // an occurrence found late is skipped, not sent: a moment that has passed would send nothing
                throw schedule.error("at", "\"" + at + "\" has passed: give \"now\" or a later time");
            }
            return new BroadcastSchedule.Once(moment);
        }
        CalendarRule parsed;
        try {
            parsed = CalendarRule.parse(rule);
        } catch (IllegalArgumentException invalid) {
            throw schedule.error("rule", invalid.getMessage());
        }
        String zone = schedule.text("zone");
        BroadcastSchedule.ZoneMode mode;
        try {
            mode = zone == null ? BroadcastSchedule.ZoneMode.BUSINESS : BroadcastSchedule.ZoneMode.fromCode(zone.strip());
        } catch (IllegalArgumentException invalid) {
            throw schedule.error("zone", invalid.getMessage());
        }
        return new BroadcastSchedule.Recurring(parsed, mode);
    }

    private void steer(Context ctx, java.util.function.LongPredicate action) {
        long id = id(ctx);
        try {
            if (!action.test(id)) {
                throw notFound(ctx);
            }
        } catch (Broadcasts.Refused refused) {
            throw new HttpServer.ClientError(409, refused.getMessage());
        }
        ctx.json(DetailView.of(broadcasts.find(id).orElseThrow(() -> notFound(ctx))));
    }

    private static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException notANumber) {
            throw new HttpServer.ClientError(400, "id: \"" + ctx.pathParam("id") + "\" is not an id (a whole number)");
        }
    }

    private static HttpServer.ClientError notFound(Context ctx) {
        return new HttpServer.ClientError(404, "no broadcast " + ctx.pathParam("id"));
    }

    record ScheduleView(Instant at, String rule, String zone) {
        static ScheduleView of(BroadcastSchedule schedule) {
            if (schedule instanceof BroadcastSchedule.Once once) {
                return new ScheduleView(once.at(), null, null);
            }
            BroadcastSchedule.Recurring recurring = (BroadcastSchedule.Recurring) schedule;
            return new ScheduleView(null, recurring.rule().describe(), recurring.zoneMode().code());
        }
    }

    record BroadcastView(long id, String name, String kind, Long segmentId, long templateId, ScheduleView schedule, String status,
                         LocalDateTime nextOccurrence, Instant createdAt) {
        static BroadcastView of(Broadcast broadcast) {
            return new BroadcastView(broadcast.id(), broadcast.name(), broadcast.kind().code(), broadcast.segmentId(),
                    broadcast.templateId(),
                    ScheduleView.of(broadcast.schedule()), broadcast.status().code(),
                    broadcast.status() == Broadcast.Status.CANCELLED ? null : broadcast.nextOccurrence(),
                    broadcast.createdAt());
        }
    }

    record ProgressView(long total, long pending, long queued, long sent, long unreachable, long failed, long skipped,
                        Map<String, Long> skippedByReason, double perMinute, Instant expectedFinish, long waiting,
                        Instant nextSend) {
        static ProgressView of(Progress progress) {
            return new ProgressView(progress.total(), progress.pending(), progress.queued(), progress.sent(),
                    progress.unreachable(), progress.failed(), progress.skipped(), progress.skippedByReason(),
                    progress.perMinute(), progress.expectedFinish(), progress.waiting(), progress.nextSend());
        }
    }

    record RunView(long id, LocalDateTime occurrence, String status, Instant startedAt, Instant finishedAt,
                   ProgressView progress) {
        static RunView of(Broadcasts.RunProgress run) {
            BroadcastRun value = run.run();
            return new RunView(value.id(), value.occurrence(), value.status().code(), value.createdAt(),
                    value.finishedAt(), ProgressView.of(run.progress()));
        }
    }

    /** @param birthday the birthday greetings with their daily runs, {@code null} until set up */
    record GreetingsView(DetailView birthday) {
    }

    record DetailView(BroadcastView broadcast, List<RunView> runs) {
        static DetailView of(Broadcasts.Overview overview) {
            return new DetailView(BroadcastView.of(overview.broadcast()),
                    overview.runs().stream().map(RunView::of).toList());
        }
    }
}
