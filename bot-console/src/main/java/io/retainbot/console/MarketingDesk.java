package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.retainbot.console.MarketingViews.BroadcastLine;
import io.retainbot.console.MarketingViews.Option;
import io.retainbot.console.MarketingViews.RunView;
import io.retainbot.console.access.Signed;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRun;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.ChangedBy;
import io.retainbot.core.outreach.Greetings;
import io.retainbot.core.outreach.OutreachChanges;
import io.retainbot.core.outreach.OutreachReport;
import io.retainbot.core.outreach.Progress;
import io.retainbot.core.outreach.Segment;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.Template;
import io.retainbot.core.outreach.Templates;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CustomerFile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The marketing section, for marketers and admins (anyone else gets a polite 403 page): segments with a
 * live audience count, templates in each language and tone with a preview for a chosen customer,
 * broadcasts (now, at a moment, or on a calendar rule such as membership day) with a progress bar that
 * moves while a run sends, pause / resume / cancel, the birthday and membership-day settings, the exit
 * reasons, and who changed what. It calls the outreach use cases the REST API calls, each change recorded
 * with the staff member who made it.
 */
public final class MarketingDesk {
    private static final int CHANGES = 200;
    private static final int BIRTHDAY_RUNS = 7;
    private static final int SEARCH_MATCHES = 5;
    private static final DateTimeFormatter OCCURRENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> NOTICES = Set.of("segment_saved", "segment_deleted", "template_saved",
            "template_deleted", "broadcast_saved", "paused", "resumed", "cancelled", "birthday_saved");
    private static final List<String> EXIT_REASONS = List.of("too_many", "not_relevant", "no_longer_customer",
            "privacy", "other", "unanswered");

    /** The outreach use cases the console calls, the same the REST API calls. */
    public record Outreach(Segments segments, Templates templates, Broadcasts broadcasts, Greetings greetings,
                           OutreachReport report, OutreachChanges changes) {
    }

    private final Outreach outreach;
    private final CustomerFile customers;
    private final Supplier<List<StaffMember>> staff;
    private final Clock clock;

    /** @param staff the active staff members (owners a segment can filter on) */
    public MarketingDesk(Outreach outreach, CustomerFile customers, Supplier<List<StaffMember>> staff, Clock clock) {
        this.outreach = outreach;
        this.customers = customers;
        this.staff = staff;
        this.clock = clock;
    }

    /** Marketers and admins reach out; agents and supervisors do not. */
    static boolean reachesOut(Signed signed) {
        return signed.is(StaffRole.MARKETER) || signed.isAdmin();
    }

    void mount(JavalinConfig config, Console console) {
        config.routes.get("/console/marketing", ctx -> console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, reachesOut(signed))) {
                ctx.redirect("/console/broadcasts");
            }
        }));
        get(config, console, "/console/segments", this::segments);
        post(config, console, "/console/segments/count", this::count);
        post(config, console, "/console/segments", this::createSegment);
        get(config, console, "/console/segments/{id}/count", this::countSaved);
        post(config, console, "/console/segments/{id}/delete", this::deleteSegment);
        get(config, console, "/console/templates", this::templates);
        post(config, console, "/console/templates", this::createTemplate);
        get(config, console, "/console/templates/{id}", this::template);
        post(config, console, "/console/templates/{id}/delete", this::deleteTemplate);
        get(config, console, "/console/broadcasts", this::broadcasts);
        post(config, console, "/console/broadcasts", this::createBroadcast);
        get(config, console, "/console/broadcasts/{id}", this::broadcast);
        get(config, console, "/console/broadcasts/{id}/progress", this::progress);
        post(config, console, "/console/broadcasts/{id}/pause", call -> steer(call, "paused"));
        post(config, console, "/console/broadcasts/{id}/resume", call -> steer(call, "resumed"));
        post(config, console, "/console/broadcasts/{id}/cancel", call -> steer(call, "cancelled"));
        get(config, console, "/console/greetings", call -> greetings(call, Form.EMPTY, Form.EMPTY, null));
        post(config, console, "/console/greetings/birthday", this::setBirthday);
        get(config, console, "/console/exit-reasons", this::exitReasons);
        get(config, console, "/console/outreach-changes", this::changes);
    }

    /** One request to a marketing page: who asks, and the console to answer through. */
    private record Call(Context ctx, Signed signed, Console console) {
        ConsoleTexts.In texts() {
            return console.frameTexts(ctx);
        }

        Frame frame(String titleKey) {
            return console.frame(ctx, signed, titleKey, "marketing");
        }

        Form form() {
            return new Form(ctx.formParamMap());
        }

        Form query() {
            return new Form(ctx.queryParamMap());
        }

        ChangedBy by() {
            return ChangedBy.staff(signed.staff().id(), signed.staff().name());
        }

        String notice() {
            String notice = ctx.queryParam("done");
            return notice != null && NOTICES.contains(notice) ? texts().get("marketing.done." + notice) : null;
        }

        long id() {
            try {
                long id = Long.parseLong(ctx.pathParam("id"));
                return id < 1 ? -1 : id;
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }

        void notFound(String key) {
            console.notFound(ctx, signed, texts().get(key, ctx.pathParam("id")));
        }

        void seeOther(String path) {
            ctx.redirect(path, HttpStatus.SEE_OTHER);
        }
    }

    private void get(JavalinConfig config, Console console, String path, Consumer<Call> page) {
        config.routes.get(path, ctx -> console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, reachesOut(signed))) {
                page.accept(new Call(ctx, signed, console));
            }
        }));
    }

    private void post(JavalinConfig config, Console console, String path, Consumer<Call> action) {
        config.routes.post(path, ctx -> console.signedPost(ctx, signed -> {
            if (console.allowed(ctx, signed, reachesOut(signed))) {
                action.accept(new Call(ctx, signed, console));
            }
        }));
    }

    // ---- segments ----

    private void segments(Call call) {
        segmentsPage(call, Form.EMPTY, call.notice(), null);
    }

    private void segmentsPage(Call call, Form form, String notice, String error) {
        ConsoleTexts.In texts = call.texts();
        List<MarketingViews.SegmentLine> lines = outreach.segments().list().stream().map(segment ->
                new MarketingViews.SegmentLine(segment.id(), segment.name(), summary(segment.filter(), texts, call.console().zone()),
                        Console.when(segment.createdAt(), call.console().zone()))).toList();
        String audience;
        try {
            audience = texts.get("segments.audience", outreach.segments().count(
                    MarketingForms.filter(form, call.console().zone())));
        } catch (FormProblem problem) {
            audience = texts.get("segments.not_counted");
        }
        call.console().html(call.ctx(), "segments.jte", new MarketingViews.SegmentsPage(call.frame("segments.title"),
                lines, form, audience, owners(), languages(texts), notice, error));
    }

    private void count(Call call) {
        ConsoleTexts.In texts = call.texts();
        MarketingViews.AudienceView view;
        try {
            long audience = outreach.segments().count(MarketingForms.filter(call.form(), call.console().zone()));
            view = new MarketingViews.AudienceView(call.frame("segments.title"),
                    texts.get("segments.audience", audience), false);
        } catch (FormProblem problem) {
            view = new MarketingViews.AudienceView(call.frame("segments.title"), problem.message(texts), true);
        }
        call.ctx().contentType("text/html; charset=utf-8").result(call.console().fragment("audience.jte", view));
    }

    private void countSaved(Call call) {
        long id = call.id();
        Optional<Segments.Counted> counted = id < 1 ? Optional.empty() : outreach.segments().find(id);
        if (counted.isEmpty()) {
            call.ctx().status(404).contentType("text/plain; charset=utf-8").result("");
            return;
        }
        call.ctx().contentType("text/plain; charset=utf-8")
                .result(call.texts().get("segments.audience", counted.get().audience()));
    }

    private void createSegment(Call call) {
        Form form = call.form();
        try {
            SegmentFilter filter = MarketingForms.filter(form, call.console().zone());
            if (form.value("name").isEmpty()) {
                throw new FormProblem("form.name.missing");
            }
            Optional<Segments.Counted> created;
            try {
                created = outreach.segments().create(form.value("name"), filter, call.by());
            } catch (IllegalArgumentException invalid) {
                throw new FormProblem("form.name.invalid");
            }
            if (created.isEmpty()) {
                throw new FormProblem("segments.name.taken", form.value("name"));
            }
            call.seeOther("/console/segments?done=segment_saved");
        } catch (FormProblem problem) {
            call.ctx().status(400);
            segmentsPage(call, form, null, problem.message(call.texts()));
        }
    }

    private void deleteSegment(Call call) {
        delete(call, id -> outreach.segments().delete(id, call.by()), "segments", "segment_deleted",
                (refused, message) -> segmentsPage(refused, Form.EMPTY, null, message));
    }

    /** Deletes what the path names, or says it is unknown, or (409) that a broadcast still uses it. */
    private static void delete(Call call, java.util.function.LongPredicate deleted, String section, String done,
                               java.util.function.BiConsumer<Call, String> inUse) {
        try {
            if (call.id() < 1 || !deleted.test(call.id())) {
                call.notFound(section + ".unknown");
                return;
            }
            call.seeOther("/console/" + section + "?done=" + done);
        } catch (Broadcasts.Refused used) {
            call.ctx().status(409);
            inUse.accept(call, call.texts().get(section + ".in_use"));
        }
    }

    private String summary(SegmentFilter filter, ConsoleTexts.In texts, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        add(parts, texts, "segments.any_tags", filter.anyTags().stream().map(Tag::name).sorted().toList());
        add(parts, texts, "segments.all_tags", filter.allTags().stream().map(Tag::name).sorted().toList());
        add(parts, texts, "segments.no_tags", filter.noTags().stream().map(Tag::name).sorted().toList());
        add(parts, texts, "segments.languages", filter.languages().stream().sorted().toList());
        add(parts, texts, "segments.channels", filter.channels().stream().map(platform -> platform.code()).sorted()
                .toList());
        add(parts, texts, "segments.tiers", filter.tiers().stream().map(tier -> texts.get("tier." + tier.code()))
                .toList());
        if (filter.responsibleStaffId() != null) {
            parts.add(texts.get("segments.owner") + ": " + staff.get().stream()
                    .filter(member -> member.id() == filter.responsibleStaffId()).map(StaffMember::name).findFirst()
                    .orElse("#" + filter.responsibleStaffId()));
        }
        if (filter.consent() != null) {
            parts.add(texts.get("segments.consent") + ": " + texts.get("segments.consent." + filter.consent().code()));
        }
        if (filter.lastContactAfter() != null) {
            parts.add(texts.get("segments.last_contact_after") + ": " + filter.lastContactAfter().atZone(zone)
                    .toLocalDate());
        }
        if (filter.lastContactBefore() != null) {
            parts.add(texts.get("segments.last_contact_before") + ": " + filter.lastContactBefore().atZone(zone)
                    .toLocalDate());
        }
        if (filter.hasOpenComplaint() != null) {
            parts.add(texts.get("segments.open_complaint") + ": " + texts.get(filter.hasOpenComplaint() ? "yes" : "no"));
        }
        if (filter.recentComplaints() != null) {
            parts.add(texts.get("segments.recent.summary", filter.recentComplaints().atLeast(),
                    filter.recentComplaints().days()));
        }
        add(parts, texts, "segments.birthday_months", filter.birthdayMonths().stream().sorted()
                .map(month -> texts.get("month." + month)).toList());
        if (filter.customerSinceAfter() != null) {
            parts.add(texts.get("segments.customer_since_after") + ": " + filter.customerSinceAfter().atZone(zone)
                    .toLocalDate());
        }
        if (filter.customerSinceBefore() != null) {
            parts.add(texts.get("segments.customer_since_before") + ": " + filter.customerSinceBefore().atZone(zone)
                    .toLocalDate());
        }
        return parts.isEmpty() ? texts.get("segments.everyone") : String.join(" · ", parts);
    }

    private static void add(List<String> parts, ConsoleTexts.In texts, String key, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(texts.get(key) + ": " + String.join(", ", values));
        }
    }

    private List<Option> owners() {
        return staff.get().stream().map(member -> new Option(String.valueOf(member.id()), member.name())).toList();
    }

    private static List<Option> languages(ConsoleTexts.In texts) {
        return MarketingForms.LANGUAGES.stream().map(language -> new Option(language, texts.get("language." + language)))
                .toList();
    }

    // ---- templates ----

    private void templates(Call call) {
        templatesPage(call, Form.EMPTY, call.notice(), null);
    }

    private void templatesPage(Call call, Form form, String notice, String error) {
        ConsoleTexts.In texts = call.texts();
        List<MarketingViews.TemplateLine> lines = outreach.templates().list().stream()
                .map(template -> templateLine(template, texts, call.console().zone())).toList();
        call.console().html(call.ctx(), "templates.jte", new MarketingViews.TemplatesPage(call.frame("templates.title"),
                lines, form, languages(texts), notice, error));
    }

    private void createTemplate(Call call) {
        Form form = call.form();
        try {
            if (form.value("name").isEmpty()) {
                throw new FormProblem("form.name.missing");
            }
            Template draft = MarketingForms.template(form);
            Optional<Template> created = outreach.templates().create(draft, call.by());
            if (created.isEmpty()) {
                throw new FormProblem("templates.name.taken", draft.name());
            }
            call.seeOther("/console/templates/" + created.get().id() + "?done=template_saved");
        } catch (FormProblem problem) {
            call.ctx().status(400);
            templatesPage(call, form, null, problem.message(call.texts()));
        }
    }

    private void template(Call call) {
        ConsoleTexts.In texts = call.texts();
        Optional<Template> found = call.id() < 1 ? Optional.empty() : outreach.templates().find(call.id());
        if (found.isEmpty()) {
            call.notFound("templates.unknown");
            return;
        }
        Template template = found.get();
        Form query = call.query();
        MarketingViews.PreviewView preview = null;
        List<Option> matches = List.of();
        String error = null;
        String wanted = query.value("customer");
        if (!wanted.isEmpty()) {
            try {
                List<Customer> candidates = candidates(wanted);
                if (candidates.isEmpty()) {
                    throw new FormProblem("templates.preview.no_customer", wanted);
                }
                LocalDate day = MarketingForms.date(query, "membershipDay");
                preview = preview(template, candidates.get(0), day, texts);
                matches = candidates.stream().skip(1).map(customer -> new Option(String.valueOf(customer.id()),
                        CustomerDesk.name(customer, texts))).toList();
            } catch (FormProblem problem) {
                call.ctx().status(400);
                error = problem.message(texts);
            }
        }
        List<MarketingViews.TextLine> lines = template.texts().stream().map(text -> new MarketingViews.TextLine(
                texts.get("language." + text.language()), texts.get("tone." + text.tone().name().toLowerCase(Locale.ROOT)),
                text.body())).toList();
        call.console().html(call.ctx(), "template.jte", new MarketingViews.TemplatePage(call.frame("templates.title"),
                templateLine(template, texts, call.console().zone()), lines, query, preview, matches, call.notice(),
                error));
    }

    private List<Customer> candidates(String wanted) {
        if (wanted.matches("#?\\d{1,18}")) {
            long id = Long.parseLong(wanted.replace("#", ""));
            return customers.card(id).map(card -> List.of(card.customer())).orElse(List.of());
        }
        if (wanted.length() > 200) {
            throw new FormProblem("templates.preview.no_customer", wanted.substring(0, 200));
        }
        return customers.search(new CustomerQuery(wanted, null, null, null, SEARCH_MATCHES, 0));
    }

    private MarketingViews.PreviewView preview(Template template, Customer customer, LocalDate day,
                                               ConsoleTexts.In texts) {
        Optional<Templates.Preview> preview;
        try {
            preview = outreach.templates().preview(template.id(), customer.id(), day);
        } catch (IllegalArgumentException needsDay) {
            throw new FormProblem("templates.preview.needs_day");
        }
        if (preview.isEmpty()) {
            throw new FormProblem("templates.preview.no_customer", String.valueOf(customer.id()));
        }
        Templates.Preview shown = preview.get();
        return new MarketingViews.PreviewView(CustomerDesk.name(customer, texts) + " (#" + customer.id() + ")",
                texts.get("language." + shown.chosen().language()),
                texts.get("tone." + shown.chosen().tone().name().toLowerCase(Locale.ROOT)), shown.message().text(),
                shown.message().buttons().stream().flatMap(List::stream).map(button -> button.label()).toList(),
                shown.sampleOfferCode());
    }

    private void deleteTemplate(Call call) {
        delete(call, id -> outreach.templates().delete(id, call.by()), "templates", "template_deleted",
                (refused, message) -> templatesPage(refused, Form.EMPTY, null, message));
    }

    private static MarketingViews.TemplateLine templateLine(Template template, ConsoleTexts.In texts, ZoneId zone) {
        return new MarketingViews.TemplateLine(template.id(), template.name(),
                texts.get("templates.purpose." + template.purpose().code()),
                template.languages().stream().map(language -> texts.get("language." + language))
                        .collect(Collectors.joining(", ")),
                template.buttons().stream().map(button -> texts.get("templates.button." + button.code())).toList(),
                template.offerValidDays() == null ? "" : texts.get("templates.offer.days", template.offerValidDays()),
                Console.when(template.createdAt(), zone));
    }

    // ---- broadcasts ----

    private void broadcasts(Call call) {
        broadcastsPage(call, Form.EMPTY, call.notice(), null);
    }

    private void broadcastsPage(Call call, Form form, String notice, String error) {
        ConsoleTexts.In texts = call.texts();
        Names names = names();
        List<BroadcastLine> lines = outreach.broadcasts().list().stream()
                .map(broadcast -> line(broadcast, names, texts, call.console().zone())).toList();
        call.console().html(call.ctx(), "broadcasts.jte", new MarketingViews.BroadcastsPage(
                call.frame("broadcasts.title"), lines, names.segmentOptions(), names.templateOptions(), form, notice,
                error));
    }

    private void createBroadcast(Call call) {
        Form form = call.form();
        boolean membershipDay = form.value("from").equals("greetings");
        try {
            if (form.value("name").isEmpty()) {
                throw new FormProblem("form.name.missing");
            }
            Long segmentId = MarketingForms.whole(form, "segment", 1);
            Long templateId = MarketingForms.whole(form, "template", 1);
            if (segmentId == null) {
                throw new FormProblem("broadcasts.segment.missing");
            }
            if (templateId == null) {
                throw new FormProblem("broadcasts.template.missing");
            }
            BroadcastSchedule schedule = MarketingForms.schedule(form, clock.instant(), call.console().zone());
            Broadcast created;
            try {
                created = outreach.broadcasts().create(form.value("name"), segmentId, templateId, schedule, call.by());
            } catch (Broadcasts.Refused refused) {
                throw switch (refused.field()) {
                    case "name" -> new FormProblem("broadcasts.name.taken", form.value("name"));
                    case "segmentId" -> new FormProblem("broadcasts.segment.missing");
                    case "templateId" -> new FormProblem("broadcasts.template.missing");
                    default -> new FormProblem("form.invalid", refused.getMessage());
                };
            } catch (IllegalArgumentException invalid) {
                throw new FormProblem("form.name.invalid");
            }
            call.seeOther("/console/broadcasts/" + created.id() + "?done=broadcast_saved");
        } catch (FormProblem problem) {
            call.ctx().status(400);
            if (membershipDay) {
                greetings(call, Form.EMPTY, form, problem.message(call.texts()));
            } else {
                broadcastsPage(call, form, null, problem.message(call.texts()));
            }
        }
    }

    private void broadcast(Call call) {
        Optional<Broadcasts.Overview> found = call.id() < 1 ? Optional.empty() : outreach.broadcasts().find(call.id());
        if (found.isEmpty()) {
            call.notFound("broadcasts.unknown");
            return;
        }
        broadcastPage(call, found.get(), call.notice(), null);
    }

    private void broadcastPage(Call call, Broadcasts.Overview overview, String notice, String error) {
        ConsoleTexts.In texts = call.texts();
        ZoneId zone = call.console().zone();
        Broadcast broadcast = overview.broadcast();
        List<Broadcasts.RunProgress> runs = overview.runs();
        List<RunView> earlier = new ArrayList<>();
        for (int i = runs.size() - 2; i >= 0 && earlier.size() < BIRTHDAY_RUNS; i--) {
            earlier.add(run(runs.get(i), texts, zone));
        }
        Broadcast.Status status = broadcast.status();
        boolean running = runs.stream().anyMatch(run -> run.run().status() == BroadcastRun.Status.RUNNING);
        boolean paused = runs.stream().anyMatch(run -> run.run().status() == BroadcastRun.Status.PAUSED);
        call.console().html(call.ctx(), "broadcast.jte", new MarketingViews.BroadcastPage(
                call.frame("broadcasts.title"), line(broadcast, names(), texts, zone), progressPart(call, overview),
                earlier, status == Broadcast.Status.ACTIVE && (running || broadcast.nextOccurrence() != null),
                status == Broadcast.Status.PAUSED || paused,
                // a finished broadcast has no run left sending or paused: nothing to cancel
                status == Broadcast.Status.ACTIVE || status == Broadcast.Status.PAUSED,
                notice, error));
    }

    private void progress(Call call) {
        Optional<Broadcasts.Overview> found = call.id() < 1 ? Optional.empty() : outreach.broadcasts().find(call.id());
        if (found.isEmpty()) {
            call.ctx().status(404).contentType("text/plain; charset=utf-8").result("");
            return;
        }
        call.ctx().contentType("text/html; charset=utf-8")
                .result(call.console().fragment("progress.jte", progressPart(call, found.get())));
    }

    private MarketingViews.ProgressPart progressPart(Call call, Broadcasts.Overview overview) {
        List<Broadcasts.RunProgress> runs = overview.runs();
        Broadcasts.RunProgress current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        Broadcast.Status status = overview.broadcast().status();
        boolean live = current == null ? status == Broadcast.Status.ACTIVE && overview.broadcast().nextOccurrence() != null
                : current.run().status() == BroadcastRun.Status.RUNNING || current.run().status() == BroadcastRun.Status.PAUSED;
        return new MarketingViews.ProgressPart(call.frame("broadcasts.title"), overview.broadcast().id(),
                current == null ? null : run(current, call.texts(), call.console().zone()), live);
    }

    private void steer(Call call, String done) {
        long id = call.id();
        boolean found;
        try {
            found = id >= 1 && switch (done) {
                case "paused" -> outreach.broadcasts().pause(id, call.by());
                case "resumed" -> outreach.broadcasts().resume(id, call.by());
                default -> outreach.broadcasts().cancel(id, call.by());
            };
        } catch (Broadcasts.Refused refused) {
            call.ctx().status(409);
            broadcastPage(call, outreach.broadcasts().find(id).orElseThrow(), null,
                    call.texts().get("broadcasts.cannot." + done));
            return;
        }
        if (!found) {
            call.notFound("broadcasts.unknown");
            return;
        }
        String back = "greetings".equals(call.ctx().formParam("from")) ? "/console/greetings" : "/console/broadcasts/" + id;
        call.seeOther(back + "?done=" + done);
    }

    private static RunView run(Broadcasts.RunProgress run, ConsoleTexts.In texts, ZoneId zone) {
        Progress progress = run.progress();
        long done = progress.sent() + progress.unreachable() + progress.failed() + progress.skipped();
        boolean over = run.run().status() == BroadcastRun.Status.FINISHED
                || run.run().status() == BroadcastRun.Status.CANCELLED;
        int percent = progress.total() == 0 ? (over ? 100 : 0) : (int) Math.min(100, done * 100 / progress.total());
        return new RunView(OCCURRENCE.format(run.run().occurrence()), texts.get("run.status." + run.run().status().code()),
                progress.total(), done, progress.sent(), progress.unreachable(), progress.failed(), progress.skipped(),
                progress.remaining(), percent,
                texts.get("run.rate", String.format(Locale.ROOT, "%.0f", progress.perMinute())),
                progress.expectedFinish() == null ? "—" : Console.when(progress.expectedFinish(), zone),
                progress.waiting() == 0 || progress.nextSend() == null || over ? ""
                        : texts.get("progress.waiting_for_time", progress.waiting(), Console.when(progress.nextSend(), zone)));
    }

    /** The names of segments and templates, for the lines and the form's choices. */
    private record Names(Map<Long, String> segments, Map<Long, String> templates) {
        List<Option> segmentOptions() {
            return segments.entrySet().stream().map(entry -> new Option(String.valueOf(entry.getKey()), entry.getValue()))
                    .toList();
        }

        List<Option> templateOptions() {
            return templates.entrySet().stream().map(entry -> new Option(String.valueOf(entry.getKey()), entry.getValue()))
                    .toList();
        }
    }

    private Names names() {
        Map<Long, String> segments = new java.util.LinkedHashMap<>();
        for (Segment segment : outreach.segments().list()) {
            segments.put(segment.id(), segment.name());
        }
        Map<Long, String> templates = new java.util.LinkedHashMap<>();
        for (Template template : outreach.templates().list()) {
            templates.put(template.id(), template.name());
        }
        return new Names(segments, templates);
    }

    private static BroadcastLine line(Broadcast broadcast, Names names, ConsoleTexts.In texts, ZoneId zone) {
        String schedule;
        if (broadcast.schedule() instanceof BroadcastSchedule.Once once) {
            schedule = texts.get("schedule.once", Console.when(once.at(), zone));
        } else {
            BroadcastSchedule.Recurring recurring = (BroadcastSchedule.Recurring) broadcast.schedule();
            schedule = texts.get("schedule.recurring." + recurring.zoneMode().code(), recurring.rule().describe());
        }
        LocalDateTime next = broadcast.nextOccurrence();
        return new BroadcastLine(broadcast.id(), broadcast.name(),
                broadcast.segmentId() == null ? texts.get("greetings.everyone")
                        : names.segments().getOrDefault(broadcast.segmentId(), "#" + broadcast.segmentId()),
                names.templates().getOrDefault(broadcast.templateId(), "#" + broadcast.templateId()), schedule,
                texts.get("broadcast.status." + broadcast.status().code()), broadcast.status().code(),
                next == null || broadcast.status() == Broadcast.Status.CANCELLED ? "" : OCCURRENCE.format(next));
    }

    // ---- greetings: birthday and membership day ----

    private void greetings(Call call, Form birthdayForm, Form membershipForm, String error) {
        ConsoleTexts.In texts = call.texts();
        ZoneId zone = call.console().zone();
        Names names = names();
        Optional<Broadcasts.Overview> birthday = outreach.greetings().birthday()
                .flatMap(found -> outreach.broadcasts().find(found.id()));
        BroadcastLine birthdayLine = birthday.map(found -> line(found.broadcast(), names, texts, zone)).orElse(null);
        List<RunView> runs = new ArrayList<>();
        birthday.ifPresent(found -> {
            List<Broadcasts.RunProgress> all = found.runs();
            for (int i = all.size() - 1; i >= 0 && runs.size() < BIRTHDAY_RUNS; i--) {
                runs.add(run(all.get(i), texts, zone));
            }
        });
        Form shownBirthday = birthdayForm;
        if (shownBirthday.isEmpty() && birthday.isPresent()) {
            Broadcast found = birthday.get().broadcast();
            LocalTime at = ((BroadcastSchedule.Recurring) found.schedule()).rule().at();
            shownBirthday = new Form(Map.of("enabled", List.of(found.status() == Broadcast.Status.ACTIVE ? "yes" : ""),
                    "template", List.of(String.valueOf(found.templateId())),
                    "segment", List.of(found.segmentId() == null ? "" : String.valueOf(found.segmentId())),
                    "at", List.of(at.toString())));
        }
        List<BroadcastLine> recurring = outreach.broadcasts().list().stream()
                .filter(broadcast -> broadcast.schedule() instanceof BroadcastSchedule.Recurring)
                .map(broadcast -> line(broadcast, names, texts, zone)).toList();
        call.console().html(call.ctx(), "greetings.jte", new MarketingViews.GreetingsPage(call.frame("greetings.title"),
                birthdayLine, birthday.map(found -> found.broadcast().status() == Broadcast.Status.ACTIVE).orElse(false),
                runs, recurring, names.segmentOptions(), names.templateOptions(), shownBirthday, membershipForm,
                call.notice(), error));
    }

    private void setBirthday(Call call) {
        Form form = call.form();
        try {
            Long templateId = MarketingForms.whole(form, "template", 1);
            if (templateId == null) {
                throw new FormProblem("broadcasts.template.missing");
            }
            LocalTime at = MarketingForms.time(form, "at");
            Long segmentId = MarketingForms.whole(form, "segment", 1);
            try {
                outreach.greetings().setBirthday(new Greetings.BirthdaySettings(form.has("enabled", "yes"), templateId,
                        at, segmentId), call.by());
            } catch (Broadcasts.Refused refused) {
                throw new FormProblem(refused.field().equals("segmentId") ? "broadcasts.segment.missing"
                        : "broadcasts.template.missing");
            }
            call.seeOther("/console/greetings?done=birthday_saved");
        } catch (FormProblem problem) {
            call.ctx().status(400);
            greetings(call, form, Form.EMPTY, problem.message(call.texts()));
        }
    }

    // ---- exit reasons and changes ----

    private void exitReasons(Call call) {
        ConsoleTexts.In texts = call.texts();
        OutreachReport.Figures figures = outreach.report().figures();
        long total = figures.exitReasons().values().stream().mapToLong(Long::longValue).sum();
        List<MarketingViews.ReasonLine> reasons = new ArrayList<>();
        for (String reason : EXIT_REASONS) {
            long count = figures.exitReasons().getOrDefault(reason, 0L);
            reasons.add(new MarketingViews.ReasonLine(texts.get("exit.reason." + reason), count,
                    total == 0 ? 0 : (int) (count * 100 / total)));
        }
        figures.exitReasons().forEach((reason, count) -> {
            if (!EXIT_REASONS.contains(reason)) {
                reasons.add(new MarketingViews.ReasonLine(reason, count, total == 0 ? 0 : (int) (count * 100 / total)));
            }
        });
        List<MarketingViews.TallyLine> tallies = figures.broadcasts().stream().map(tally ->
                new MarketingViews.TallyLine(tally.name(), tally.sent(), tally.optOuts(), tally.offersSent(),
                        tally.offersRedeemed())).toList();
        call.console().html(call.ctx(), "exitReasons.jte", new MarketingViews.ExitReasonsPage(
                call.frame("exit.title"), reasons, total, figures.exitTexts(), tallies));
    }

    private void changes(Call call) {
        ConsoleTexts.In texts = call.texts();
        List<MarketingViews.ChangeLine> lines = outreach.changes().latest(CHANGES).stream().map(change ->
                new MarketingViews.ChangeLine(Console.when(change.at(), call.console().zone()), texts.get(
                        "changes.line", change.by().isAdminToken() ? texts.get("changes.admin_token")
                                : change.changedByName(),
                        texts.get("changes.action." + change.action().name().toLowerCase(Locale.ROOT)),
                        texts.get("changes.subject." + change.subject().name().toLowerCase(Locale.ROOT)),
                        change.subjectName()))).toList();
        call.console().html(call.ctx(), "outreachChanges.jte", new MarketingViews.ChangesPage(
                call.frame("changes.title"), lines));
    }
}
