package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.retainbot.console.access.Signed;
import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.outreach.Photos;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintAnswered;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintClaimed;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintNoted;
import io.retainbot.core.complaint.ComplaintReassigned;
import io.retainbot.core.complaint.ComplaintReferred;
import io.retainbot.core.complaint.ComplaintReopened;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CareResult;
import io.retainbot.core.usecase.ComplaintCare;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The complaints section: the queue (refreshed by htmx while open), a complaint's page with the customer's
 * messages, photos, notes and who did what (refreshed too), and the staff operations through
 * {@link ComplaintCare}, the same door the staff chats and the REST API use: claim, reply (with a photo),
 * resolve, can't help (referrals from the directory or written in), internal notes, and for supervisors and
 * admins (or the agent holding it) reassign, for supervisors and admins reopen. Agents, supervisors and admins
 * only.
 */
public final class ComplaintDesk {
    private static final int QUEUE_SIZE = 100;
    private static final int CONVERSATION = 200;
    private static final int SUMMARY = 140;
    private static final String WEB_FILE = "web:";
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final Transactor transactor;
    private final ComplaintCare care;
    private final BusinessConfig business;
    private final OpeningCalendar calendar;
    private final AlertStages stages;
    private final Clock clock;
    private final Photos photos;

    /** @param photos keeps the photos staff send with an answer */
    public ComplaintDesk(Transactor transactor, ComplaintCare care, Photos photos, BusinessConfig business,
                         AlertStages stages, Clock clock) {
        this.transactor = transactor;
        this.care = care;
        this.photos = photos;
        this.business = business;
        this.calendar = OpeningCalendar.of(business);
        this.stages = stages;
        this.clock = clock;
    }

    void mount(JavalinConfig config, Console console) {
        config.routes.get("/console/complaints", ctx -> page(ctx, console, signed ->
                console.html(ctx, "queue.jte", new ComplaintViews.QueuePage(
                        console.frame(ctx, signed, "queue.title", "complaints"), queue(signed, console.frameTexts(ctx))))));
        config.routes.get("/console/complaints/queue", ctx -> page(ctx, console, signed ->
                fragment(ctx, console.fragment("queueLists.jte", new ComplaintViews.QueuePage(
                        console.frame(ctx, signed, "queue.title", "complaints"), queue(signed, console.frameTexts(ctx)))))));
        config.routes.get("/console/complaints/{reference}", ctx -> page(ctx, console, signed ->
                show(ctx, console, signed, notice(ctx.queryParam("done")), null)));
        config.routes.get("/console/complaints/{reference}/live", ctx -> page(ctx, console, signed ->
                reference(ctx).flatMap(ref -> complaint(ref, signed, console.frameTexts(ctx))).ifPresentOrElse(
                        view -> fragment(ctx, console.fragment("complaintLive.jte", new ComplaintViews.ComplaintPage(
                                console.frame(ctx, signed, "complaint.title", "complaints"), view, null, null,
                                ComplaintViews.Options.NONE))),
                        () -> ctx.status(404).result(""))));
        config.routes.get("/console/complaints/{reference}/files/{id}", ctx -> page(ctx, console, signed ->
                file(ctx, console, signed)));
        action(config, console, "claim", "claimed", Rule.HANDLES, (ref, signed, ctx) ->
                care.claim(new CareInputs.ClaimComplaint(ref, Actor.staff(signed.staff().id()))));
        action(config, console, "reply", "replied", Rule.HANDLES, (ref, signed, ctx) ->
                care.answer(new CareInputs.AnswerComplaint(ref, Actor.staff(signed.staff().id()), ctx.formParam("text"),
                        photo(ctx))));
        action(config, console, "resolve", "resolved", Rule.HANDLES, (ref, signed, ctx) ->
                care.resolve(new CareInputs.ResolveComplaint(ref, Actor.staff(signed.staff().id()),
                        ctx.formParam("summary"))));
        action(config, console, "refer", "referred", Rule.HANDLES, (ref, signed, ctx) ->
                care.refer(new CareInputs.ReferComplaint(ref, Actor.staff(signed.staff().id()),
                        ctx.formParam("explanation"), ctx.formParams("referral"), written(ctx))));
        action(config, console, "note", "noted", Rule.HANDLES, (ref, signed, ctx) ->
                care.note(new CareInputs.NoteComplaint(ref, Actor.staff(signed.staff().id()), ctx.formParam("text"))));
        action(config, console, "reassign", "reassigned", Rule.REASSIGNS, (ref, signed, ctx) ->
                care.reassign(new CareInputs.ReassignComplaint(ref, Actor.staff(signed.staff().id()),
                        number(ctx.formParam("staff")))));
        action(config, console, "reopen", "reopened", Rule.SUPERVISES, (ref, signed, ctx) ->
                care.reopen(new CareInputs.ReopenComplaint(ref, Actor.staff(signed.staff().id()),
                        ctx.formParam("reason"))));
    }

    /** Who may do an action on a complaint. */
    private enum Rule {
        /** agents, supervisors and admins */
        HANDLES,
        /** supervisors and admins, and the agent who holds the complaint */
        REASSIGNS,
        /** supervisors and admins */
        SUPERVISES
    }

    private static boolean supervises(Signed signed) {
        return signed.is(StaffRole.SUPERVISOR) || signed.isAdmin();
    }

    private boolean allows(Rule rule, Signed signed, ComplaintRef ref) {
        if (!signed.handlesComplaints()) {
            return false;
        }
        return switch (rule) {
            case HANDLES -> true;
            case SUPERVISES -> supervises(signed);
            case REASSIGNS -> supervises(signed) || transactor.inTransaction(session -> session.complaints().find(ref))
                    .map(complaint -> Long.valueOf(signed.staff().id()).equals(complaint.assigneeStaffId()))
                    .orElse(true);
        };
    }

    /** The photo that came with an answer (none when the field was left empty); a refused one throws. */
    private List<Photo> photo(Context ctx) {
        return AnswerPhoto.of(ctx, photos);
    }

    /** The business the staff member wrote in, when they gave one (a name or contact alone is refused). */
    private static List<CareInputs.WrittenReferral> written(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("other-name")).orElse("").strip();
        String contact = Optional.ofNullable(ctx.formParam("other-contact")).orElse("").strip();
        String note = Optional.ofNullable(ctx.formParam("other-note")).orElse("").strip();
        if (name.isEmpty() && contact.isEmpty() && note.isEmpty()) {
            return List.of();
        }
        return List.of(new CareInputs.WrittenReferral(name, contact, note));
    }

    private static long number(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    @FunctionalInterface
    private interface Action {
        CareResult run(ComplaintRef ref, Signed signed, Context ctx);
    }

    private void action(JavalinConfig config, Console console, String name, String done, Rule rule, Action action) {
        config.routes.post("/console/complaints/{reference}/" + name, ctx -> console.signedPost(ctx, signed -> {
            if (!console.allowed(ctx, signed, signed.handlesComplaints())) {
                return;
            }
            Optional<ComplaintRef> ref = reference(ctx);
            if (ref.isEmpty()) {
                console.notFound(ctx, signed, console.frameTexts(ctx).get("complaint.unknown", ctx.pathParam("reference")));
                return;
            }
            if (!console.allowed(ctx, signed, allows(rule, signed, ref.get()))) {
                return;
            }
            CareResult result;
            try {
                result = action.run(ref.get(), signed, ctx);
            } catch (AnswerPhoto.Refused refused) {
                show(ctx.status(400), console, signed, null, console.frameTexts(ctx).get("complaint.invalid.photo"));
                return;
            } catch (IllegalArgumentException invalid) {
                show(ctx.status(400), console, signed, null, console.frameTexts(ctx).get("complaint.invalid." + name));
                return;
            }
            if (result instanceof CareResult.Refused refused) {
                int status = switch (refused.reason()) {
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                    case UNKNOWN_STAFF -> name.equals("reassign") ? 400 : 403;
                };
                show(ctx.status(status), console, signed, null,
                        console.frameTexts(ctx).get("complaint.refused", refused.message()));
                return;
            }
            ctx.redirect("/console/complaints/" + ref.get() + "?done=" + done, HttpStatus.SEE_OTHER);
        }));
    }

    /** A page of the section: signed in (else to sign-in) and of a role that handles complaints (else 403). */
    static void page(Context ctx, Console console, java.util.function.Consumer<Signed> page) {
        console.signedGet(ctx, signed -> {
            if (console.allowed(ctx, signed, signed.handlesComplaints())) {
                page.accept(signed);
            }
        });
    }

    private void show(Context ctx, Console console, Signed signed, String noticeKey, String error) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Optional<ComplaintViews.Complaint> view = reference(ctx).flatMap(ref -> complaint(ref, signed, texts));
        if (view.isEmpty()) {
            console.notFound(ctx, signed, texts.get("complaint.unknown", ctx.pathParam("reference")));
            return;
        }
        console.html(ctx, "complaint.jte", new ComplaintViews.ComplaintPage(
                console.frame(ctx, signed, "complaint.title", "complaints"), view.get(),
                noticeKey == null ? null : texts.get(noticeKey), error, options(view.get(), signed, texts)));
    }

    private static String notice(String done) {
        return done == null ? null : switch (done) {
            case "claimed" -> "complaint.done.claimed";
            case "replied" -> "complaint.done.replied";
            case "resolved" -> "complaint.done.resolved";
            case "referred" -> "complaint.done.referred";
            case "noted" -> "complaint.done.noted";
            case "reassigned" -> "complaint.done.reassigned";
            case "reopened" -> "complaint.done.reopened";
            default -> null;
        };
    }

    static void fragment(Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(html);
    }

    ComplaintViews.Queue queue(Signed signed, ConsoleTexts.In texts) {
        Instant now = clock.instant();
        long me = signed.staff().id();
        return transactor.inTransaction(session -> {
            Function<Long, String> names = staffNames(session);
            List<Complaint> unclaimed = session.complaints().unclaimed(QUEUE_SIZE);
            List<Complaint> mine = session.complaints().activeAssignedTo(me, QUEUE_SIZE);
            Set<Long> shown = new java.util.HashSet<>();
            unclaimed.forEach(complaint -> shown.add(complaint.id()));
            mine.forEach(complaint -> shown.add(complaint.id()));
            List<Complaint> others = new ArrayList<>();
            for (io.retainbot.core.complaint.ComplaintStatus status : List.of(
                    io.retainbot.core.complaint.ComplaintStatus.OPEN,
                    io.retainbot.core.complaint.ComplaintStatus.IN_PROGRESS)) {
                session.complaints().list(Optional.of(status), QUEUE_SIZE, 0).stream()
                        .filter(complaint -> shown.add(complaint.id())).forEach(others::add);
            }
            others.sort(java.util.Comparator.comparing(Complaint::promisedAt));
            Map<Long, String> customers = new HashMap<>();
            Function<Complaint, ComplaintViews.QueueItem> item = complaint -> new ComplaintViews.QueueItem(
                    complaint.ref().toString(), category(complaint.category(), texts),
                    customers.computeIfAbsent(complaint.customerId(), id -> customerName(session, id, texts)),
                    texts.get("status." + complaint.status().code()), names.apply(complaint.assigneeStaffId()),
                    countdown(complaint, now, texts), summary(complaint.description()));
            return new ComplaintViews.Queue(unclaimed.stream().map(item).toList(), mine.stream().map(item).toList(),
                    others.stream().limit(QUEUE_SIZE).map(item).toList());
        });
    }

    Optional<ComplaintViews.Complaint> complaint(ComplaintRef ref, Signed signed, ConsoleTexts.In texts) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> session.complaints().find(ref).map(complaint -> {
            Function<Long, String> names = staffNames(session);
            Optional<Customer> customer = session.customers().find(complaint.customerId());
            List<ComplaintViews.Note> notes = session.complaints().notes(complaint.id()).stream()
                    .map(note -> new ComplaintViews.Note(note.author() == ComplaintNote.Author.INTERNAL
                            ? texts.get("note.internal", names.apply(note.staffId()))
                            : texts.get("note." + note.author().name().toLowerCase(java.util.Locale.ROOT)), note.text(),
                            when(note.createdAt()), note.author() == ComplaintNote.Author.INTERNAL)).toList();
            List<ComplaintViews.Done> done = session.events().ofComplaint(complaint.id(), CONVERSATION).stream()
                    .map(recorded -> done(recorded.event(), names, texts)).flatMap(Optional::stream).toList();
            List<ComplaintViews.Attachment> attachments = session.complaints().attachments(complaint.id()).stream()
                    .map(attachment -> attachment(complaint, attachment)).toList();
            boolean held = complaint.assigneeStaffId() != null && complaint.assigneeStaffId() != signed.staff().id();
            return new ComplaintViews.Complaint(complaint.ref().toString(), category(complaint.category(), texts),
                    complaint.description(), complaint.orderReference(), texts.get("status." + complaint.status().code()),
                    complaint.status().isActive(), complaint.status().isActive() && !held,
                    names.apply(complaint.assigneeStaffId()),
                    customer.map(found -> displayName(found, texts)).orElse(texts.get("customer.unknown")),
                    complaint.channel().platform().code(),
                    complaint.status().isActive() ? countdown(complaint, now, texts) : null,
                    when(complaint.createdAt()), notes, attachments, conversation(session, complaint), done,
                    complaint.category(), complaint.assigneeStaffId() == null ? 0 : complaint.assigneeStaffId());
        }));
    }

    /** Who did what to the complaint, as its domain events recorded it; empty for events that are no one's act. */
    private Optional<ComplaintViews.Done> done(DomainEvent event, Function<Long, String> names, ConsoleTexts.In texts) {
        Function<Long, String> who = id -> id == null ? texts.get("done.by_api") : names.apply(id);
        String text;
        if (event instanceof ComplaintClaimed claimed) {
            text = texts.get("done.claimed", who.apply(claimed.staffId()));
        } else if (event instanceof ComplaintAnswered answered) {
            text = texts.get("done.answered", who.apply(answered.staffId()));
        } else if (event instanceof ComplaintResolved resolved) {
            text = texts.get("done.resolved", who.apply(resolved.staffId()));
        } else if (event instanceof ComplaintReferred referred) {
            text = texts.get("done.referred", who.apply(referred.staffId()));
        } else if (event instanceof ComplaintReassigned reassigned) {
            text = texts.get("done.reassigned", who.apply(reassigned.byStaffId()), names.apply(reassigned.toStaffId()));
        } else if (event instanceof ComplaintReopened reopened) {
            text = texts.get("done.reopened", who.apply(reopened.staffId()));
        } else if (event instanceof ComplaintNoted noted) {
            text = texts.get("done.noted", names.apply(noted.staffId()));
        } else {
            return Optional.empty();
        }
        return Optional.of(new ComplaintViews.Done(text, when(event.occurredAt())));
    }

    /** What the reader may do on the complaint's page besides claim, reply and resolve. */
    private ComplaintViews.Options options(ComplaintViews.Complaint complaint, Signed signed, ConsoleTexts.In texts) {
        String language = texts.language();
        List<ComplaintViews.ReferralChoice> referrals = business.referrals().stream()
                .filter(referral -> referral.categories().isEmpty() || referral.categories().contains(complaint.categoryId()))
                .map(referral -> new ComplaintViews.ReferralChoice(referral.id(),
                        referral.name().getOrDefault(language, referral.name().get("en")), referral.contact(),
                        referral.description().getOrDefault(language, referral.description().getOrDefault("en", ""))))
                .toList();
        boolean supervises = supervises(signed);
        boolean reassigns = supervises || complaint.holderId() == signed.staff().id();
        List<ComplaintViews.StaffChoice> staff = !reassigns ? List.of() : transactor.inTransaction(session ->
                session.staff().list(true)).stream()
                .filter(member -> member.role() != StaffRole.MARKETER && member.id() != complaint.holderId())
                .map(member -> new ComplaintViews.StaffChoice(member.id(), member.name())).toList();
        return new ComplaintViews.Options(referrals, staff, reassigns && complaint.active(),
                supervises && !complaint.active());
    }

    /** What the customer and the business said since the complaint was begun, oldest first. */
    private List<ComplaintViews.Line> conversation(StoreSession session, Complaint complaint) {
        Instant from = complaint.intakeStartedAt() == null ? complaint.createdAt() : complaint.intakeStartedAt();
        List<Interaction> said = new ArrayList<>(session.interactions().ofCustomer(complaint.customerId(), CONVERSATION)
                .stream().filter(entry -> !entry.occurredAt().isBefore(from) && !entry.summary().isBlank()).toList());
        java.util.Collections.reverse(said);
        return said.stream().map(entry -> new ComplaintViews.Line(entry.direction() == Interaction.Direction.OUTBOUND,
                entry.summary(), when(entry.occurredAt()))).toList();
    }

    private ComplaintViews.Attachment attachment(Complaint complaint, ComplaintAttachment attachment) {
        FileRef file = attachment.file();
        String name = file.fileName().isBlank() ? file.kind().name().toLowerCase(java.util.Locale.ROOT) : file.fileName();
        if (file.platformFileId().startsWith(WEB_FILE)) {
            return new ComplaintViews.Attachment("/console/complaints/" + complaint.ref() + "/files/" + attachment.id(),
                    name, IMAGES.contains(file.mediaType()) || file.kind() == FileRef.Kind.PHOTO, "");
        }
        return new ComplaintViews.Attachment("", name, false, file.platformFileId().split(":")[0]);
    }

    /** A file of the complaint that the web chat kept, served to staff only; others are kept by their platform. */
    private void file(Context ctx, Console console, Signed signed) {
        Optional<ComplaintRef> ref = reference(ctx);
        long attachmentId;
        try {
            attachmentId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException notANumber) {
            attachmentId = -1;
        }
        long wanted = attachmentId;
        Optional<FileStore.StoredFile> file = ref.isEmpty() ? Optional.empty() : transactor.inTransaction(session ->
                session.complaints().find(ref.get()).flatMap(complaint -> session.complaints()
                        .attachments(complaint.id()).stream().filter(candidate -> candidate.id() == wanted).findFirst())
                        .map(attachment -> attachment.file().platformFileId())
                        .filter(id -> id.startsWith(WEB_FILE))
                        .flatMap(id -> session.files().find(id.substring(WEB_FILE.length()))));
        if (file.isEmpty()) {
            console.notFound(ctx, signed, console.frameTexts(ctx).get("complaint.file.unknown"));
            return;
        }
        String name = file.get().fileName().isBlank() ? "file" : file.get().fileName();
        boolean image = IMAGES.contains(file.get().mediaType());
        ctx.contentType(image ? file.get().mediaType() : "application/octet-stream")
                .header("Content-Disposition", (image ? "inline" : "attachment") + "; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=3600")
                .result(file.get().content());
    }

    private Countdown countdown(Complaint complaint, Instant now, ConsoleTexts.In texts) {
        return Countdown.of(complaint.createdAt(), complaint.promisedAt(), now, calendar, stages, texts,
                when(complaint.promisedAt()));
    }

    private String category(String id, ConsoleTexts.In texts) {
        return business.categories().stream().filter(category -> category.id().equals(id)).findFirst()
                .map(category -> category.label(texts.language())).orElse(id);
    }

    static Function<Long, String> staffNames(StoreSession session) {
        Map<Long, String> known = session.staff().list(false).stream()
                .collect(Collectors.toMap(staff -> staff.id(), staff -> staff.name()));
        return id -> id == null ? "" : known.getOrDefault(id, "#" + id);
    }

    private static String customerName(StoreSession session, long customerId, ConsoleTexts.In texts) {
        return session.customers().find(customerId).map(customer -> displayName(customer, texts))
                .orElse(texts.get("customer.unknown"));
    }

    static String displayName(Customer customer, ConsoleTexts.In texts) {
        String name = customer.profile().displayName();
        return name == null || name.isBlank() ? texts.get("customer.numbered", customer.id()) : name;
    }

    static String summary(String description) {
        String text = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        return text.length() <= SUMMARY ? text : text.substring(0, SUMMARY - 1) + "…";
    }

    private String when(Instant at) {
        return Console.when(at, business.zone());
    }

    private static Optional<ComplaintRef> reference(Context ctx) {
        try {
            return ComplaintRef.parse(ctx.pathParam("reference"));
        } catch (IllegalArgumentException zero) {
            return Optional.empty();
        }
    }
}
