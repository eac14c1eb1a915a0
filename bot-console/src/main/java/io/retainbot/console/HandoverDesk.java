package io.retainbot.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.retainbot.console.access.Signed;
import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.outreach.Photos;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.HandoverCare;
import io.retainbot.core.usecase.HandoverLine;
import io.retainbot.core.usecase.HandoverResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Customers asking for a person: the requests waiting (with the hour promised to the customer counting down, what
 * they asked and wrote last) and those being talked in, a count in the menu, and one request's conversation
 * (refreshing itself, so the customer's words appear as they write) with take, write (words and a photo) and hand
 * back through {@link HandoverCare}, the use case the staff chats and the REST API call. One person talks with a
 * customer; colleagues read along. Agents, supervisors and admins only.
 */
public final class HandoverDesk {
    private static final int LISTED = 50;
    private static final int LAST_WORDS = 140;

    private final Transactor transactor;
    private final HandoverCare care;
    private final Photos photos;
    private final PhotoSource shown;
    private final BusinessConfig business;
    private final OpeningCalendar calendar;
    private final AlertStages stages;
    private final Clock clock;

    /**
     * @param photos keeps the photos staff send to the customer
     * @param shown  where the photos said in a conversation are read to show them (the bot's photo and file stores,
     *               Telegram, Discord: as the platform gateways read them)
     */
    public HandoverDesk(Transactor transactor, HandoverCare care, Photos photos, PhotoSource shown,
                        BusinessConfig business, AlertStages stages, Clock clock) {
        this.transactor = transactor;
        this.care = care;
        this.photos = photos;
        this.shown = shown;
        this.business = business;
        this.calendar = OpeningCalendar.of(business);
        this.stages = stages;
        this.clock = clock;
    }

    void mount(JavalinConfig config, Console console) {
        config.routes.get("/console/assets/handover.js", ctx -> Console.asset(ctx, "console/handover.js",
                "text/javascript; charset=utf-8"));
        config.routes.get("/console/handovers", ctx -> ComplaintDesk.page(ctx, console, signed ->
                console.html(ctx, "handovers.jte", new HandoverViews.ListPage(
                        console.frame(ctx, signed, "handovers.title", "handovers"), lists(signed, console.frameTexts(ctx))))));
        config.routes.get("/console/handovers/list", ctx -> ComplaintDesk.page(ctx, console, signed ->
                ComplaintDesk.fragment(ctx, console.fragment("handoverLists.jte", new HandoverViews.ListPage(
                        console.frame(ctx, signed, "handovers.title", "handovers"),
                        lists(signed, console.frameTexts(ctx)))))));
        config.routes.get("/console/handovers/count", ctx -> console.signedGet(ctx, signed -> {
            int waiting = signed.handlesComplaints()
                    ? transactor.inTransaction(session -> session.feedback().openHandoverCount()) : 0;
            ComplaintDesk.fragment(ctx, waiting == 0 ? "" : "<span class=\"tag count\">" + waiting + "</span>");
        }));
        config.routes.get("/console/handovers/{id}", ctx -> ComplaintDesk.page(ctx, console, signed ->
                show(ctx, console, signed, notice(ctx.queryParam("done")), null)));
        config.routes.get("/console/handovers/{id}/live", ctx -> ComplaintDesk.page(ctx, console, signed ->
                talk(id(ctx), signed, console.frameTexts(ctx)).ifPresentOrElse(
                        talk -> ComplaintDesk.fragment(ctx, console.fragment("handoverLive.jte", new HandoverViews.TalkPage(
                                console.frame(ctx, signed, "handover.title", "handovers"), talk, null, null))),
                        () -> ctx.status(404).result(""))));
        config.routes.get("/console/handovers/{id}/messages/{message}/photos/{n}", ctx -> ComplaintDesk.page(ctx,
                console, signed -> photo(ctx, console, signed)));
        action(config, console, "take", "taken", (id, signed, ctx) ->
                care.take(new CareInputs.TakeHandover(id, Actor.staff(signed.staff().id()))));
        action(config, console, "reply", "sent", (id, signed, ctx) ->
                care.reply(new CareInputs.ReplyHandover(id, Actor.staff(signed.staff().id()), ctx.formParam("text"),
                        AnswerPhoto.of(ctx, photos))));
        action(config, console, "close", "closed", (id, signed, ctx) ->
                care.close(new CareInputs.CloseHandover(id, Actor.staff(signed.staff().id()))));
    }

    @FunctionalInterface
    private interface Action {
        HandoverResult run(long requestId, Signed signed, Context ctx);
    }

    private void action(JavalinConfig config, Console console, String name, String done, Action action) {
        config.routes.post("/console/handovers/{id}/" + name, ctx -> console.signedPost(ctx, signed -> {
            if (!console.allowed(ctx, signed, signed.handlesComplaints())) {
                return;
            }
            ConsoleTexts.In texts = console.frameTexts(ctx);
            long id = id(ctx);
            if (id < 1) {
                console.notFound(ctx, signed, texts.get("handover.unknown", ctx.pathParam("id")));
                return;
            }
            HandoverResult result;
            try {
                result = action.run(id, signed, ctx);
            } catch (AnswerPhoto.Refused refused) {
                show(ctx.status(400), console, signed, null, texts.get("complaint.invalid.photo"));
                return;
            } catch (IllegalArgumentException invalid) {
                show(ctx.status(400), console, signed, null, texts.get("handover.invalid." + name));
                return;
            }
            if (result instanceof HandoverResult.Refused refused) {
                switch (refused.reason()) {
                    case NOT_FOUND -> console.notFound(ctx, signed, texts.get("handover.unknown", id));
                    case CONFLICT -> show(ctx.status(409), console, signed, null, refused.takenBy() != null
                            ? texts.get("handover.refused.taken", refused.takenBy()) : texts.get("handover.refused.over"));
                    case UNKNOWN_STAFF -> console.allowed(ctx, signed, false);
                }
                return;
            }
            ctx.redirect("/console/handovers/" + id + "?done=" + done, HttpStatus.SEE_OTHER);
        }));
    }

    private void show(Context ctx, Console console, Signed signed, String noticeKey, String error) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        Optional<HandoverViews.Talk> talk = talk(id(ctx), signed, texts);
        if (talk.isEmpty()) {
            console.notFound(ctx, signed, texts.get("handover.unknown", ctx.pathParam("id")));
            return;
        }
        console.html(ctx, "handover.jte", new HandoverViews.TalkPage(
                console.frame(ctx, signed, "handover.title", "handovers"), talk.get(),
                noticeKey == null ? null : texts.get(noticeKey), error));
    }

    private static String notice(String done) {
        return done == null ? null : switch (done) {
            case "taken" -> "handover.done.taken";
            case "sent" -> "handover.done.sent";
            case "closed" -> "handover.done.closed";
            default -> null;
        };
    }

    HandoverViews.Lists lists(Signed signed, ConsoleTexts.In texts) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Function<Long, String> names = ComplaintDesk.staffNames(session);
            List<HandoverViews.Item> items = session.feedback().activeHandovers(LISTED).stream().map(request -> {
                boolean open = HandoverRequest.OPEN.equals(request.status());
                String lastWords = HandoverCare.exchange(session, request, now).stream()
                        .filter(HandoverLine::fromCustomer)
                        .filter(line -> !line.kind().equals("button_pressed"))
                        .filter(line -> !line.text().isBlank())
                        .reduce((first, second) -> second).map(line -> ComplaintDesk.summary(line.text()))
                        .map(words -> words.length() <= LAST_WORDS ? words : words.substring(0, LAST_WORDS - 1) + "…")
                        .orElse("");
                return new HandoverViews.Item(request.id(), customer(session, request.customerId(), texts),
                        request.channel().platform().code(), when(request.createdAt()), lastWords,
                        open ? countdown(request, now, texts) : null, names.apply(request.takenByStaffId()),
                        Long.valueOf(signed.staff().id()).equals(request.takenByStaffId()));
            }).toList();
            return new HandoverViews.Lists(items.stream().filter(item -> item.countdown() != null).toList(),
                    items.stream().filter(item -> item.countdown() == null).toList());
        });
    }

    Optional<HandoverViews.Talk> talk(long id, Signed signed, ConsoleTexts.In texts) {
        if (id < 1) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transactor.inTransaction(session -> session.feedback().findHandover(id).map(request -> {
            Function<Long, String> names = ComplaintDesk.staffNames(session);
            String customer = customer(session, request.customerId(), texts);
            String holder = names.apply(request.takenByStaffId());
            boolean taken = HandoverRequest.TAKEN.equals(request.status());
            boolean mine = taken && Long.valueOf(signed.staff().id()).equals(request.takenByStaffId());
            boolean supervises = signed.is(StaffRole.SUPERVISOR) || signed.isAdmin();
            List<HandoverViews.Line> lines = HandoverCare.exchange(session, request, now).stream()
                    .map(line -> new HandoverViews.Line(line.fromCustomer() ? customer : line.fromStaff()
                            ? texts.get("handover.line.staff", names.apply(line.staffId())) : texts.get("handover.line.bot"),
                            !line.fromCustomer(), line.fromStaff(), line.text(), photoLinks(request.id(), line),
                            when(line.at()))).toList();
            String statusText = taken ? (mine ? texts.get("handover.status.yours") : texts.get("handover.status.taken", holder))
                    : texts.get("handover.status." + request.status());
            return new HandoverViews.Talk(request.id(), customer, request.channel().platform().code(),
                    when(request.createdAt()), request.status(), statusText, holder, mine, taken && (mine || supervises),
                    HandoverRequest.OPEN.equals(request.status()) ? countdown(request, now, texts) : null, lines);
        }));
    }

    private static List<String> photoLinks(long requestId, HandoverLine line) {
        return IntStream.range(0, line.photos().size()).mapToObj(n -> "/console/handovers/" + requestId + "/messages/"
                + line.messageId() + "/photos/" + n).toList();
    }

    /**
     * A photo said in a conversation, to staff who may read it: read from where it lives (the web chat's uploads,
     * the photos staff sent, Telegram, Discord), shown only when its content is a JPEG or PNG of at most
     * {@link PhotoStore#MAX_BYTES}, whatever the platform calls it.
     */
    private void photo(Context ctx, Console console, Signed signed) {
        ConsoleTexts.In texts = console.frameTexts(ctx);
        long requestId = id(ctx);
        long messageId = number(ctx.pathParam("message"));
        long index = number(ctx.pathParam("n"));
        Optional<Photo> wanted = requestId < 1 || messageId < 1 || index < 0
                ? Optional.empty()
                : transactor.inTransaction(session -> session.feedback().findHandoverMessage(requestId, messageId))
                .filter(message -> index < message.photos().size()).map(message -> message.photos().get((int) index));
        Optional<PhotoStore.StoredPhoto> found;
        try {
            found = wanted.flatMap(shown::photo).filter(photo -> photo.content().length <= PhotoStore.MAX_BYTES
                    && Photos.mediaType(photo.content()).isPresent());
        } catch (PhotoSource.PhotoUnavailable unavailable) {
            ctx.status(503).contentType("text/plain; charset=utf-8").header("Retry-After", "30")
                    .result(texts.get("handover.photo.unavailable"));
            return;
        }
        if (found.isEmpty()) {
            console.notFound(ctx, signed, texts.get("handover.photo.unknown"));
            return;
        }
        ctx.contentType(Photos.mediaType(found.get().content()).orElseThrow())
                .header("Content-Disposition", "inline")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=3600")
                .result(found.get().content());
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** Until the hour of opening time the customer was promised runs out (the staff chats' reminder falls then). */
    private Countdown countdown(HandoverRequest request, Instant now, ConsoleTexts.In texts) {
        Instant promised = calendar.afterOpenTime(request.createdAt(), HandoverRequest.TAKEN_WITHIN);
        return Countdown.of(request.createdAt(), promised, now, calendar, stages, texts, when(promised));
    }

    private static String customer(StoreSession session, long customerId, ConsoleTexts.In texts) {
        return session.customers().find(customerId).map(found -> ComplaintDesk.displayName(found, texts))
                .orElse(texts.get("customer.unknown"));
    }

    private String when(Instant at) {
        return Console.when(at, business.zone());
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
