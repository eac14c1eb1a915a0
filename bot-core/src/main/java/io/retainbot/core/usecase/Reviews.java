package io.retainbot.core.usecase;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.ReviewDue;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account reviews by opportunity tier: who is due (per owner, nearest first, with the tier the rule
 * suggests beside the one staff set), a review held by staff recorded from chat or the API, and the
 * weekly list each owner gets in the staff chat, its nearest customers each with the buttons Held, Ask the bot
 * and Later. Where the business chooses, the weekly run also has the bot ask each due customer its short
 * questionnaire ({@link #QUESTIONNAIRE}), once per due review, or staff choose whom with "Ask the bot".
 */
public final class Reviews {
    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    /** The due event kind of the bot's review questionnaire. */
    public static final String QUESTIONNAIRE = "review_questionnaire";
    /** The due data of a questionnaire staff asked for: the button press's event id. */
    static final String ASKED_BY_PRESS = "press";
    public static final int DUE_LIMIT = 500;
    /** How many customers one owner's weekly list names (the rest are counted). */
    static final int LIST_LINES = 30;
    /** How many of them, nearest first, follow the list each in a message of its own with buttons. */
    public static final int WITH_BUTTONS = 10;
    /** How long "Later" puts a review off. */
    public static final java.time.Period SNOOZE = java.time.Period.ofWeeks(1);

    private final Transactor transactor;
    private final AccountReviews settings;
    private final ZoneId zone;
    private final StaffChats staffChats;
    private final DueEvents timetable;
    private final Clock clock;
    private final Runnable afterCommit;

    public Reviews(Transactor transactor, AccountReviews settings, ZoneId zone, StaffChats staffChats,
                   DueEvents timetable, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.settings = settings;
        this.zone = zone;
        this.staffChats = staffChats;
        this.timetable = timetable;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public AccountReviews settings() {
        return settings;
    }

    /** Who is due for a review on or before {@code until}, nearest first; {@code ownerId} null for everyone. */
    public List<ReviewDue> due(Long ownerId, LocalDate until) {
        return transactor.inTransaction(session -> session.reviews().due(ownerId, until, settings, zone, today(),
                DUE_LIMIT));
    }

    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    public sealed interface Recorded {
        record Done(AccountReview review) implements Recorded {
        }

        record NoSuchCustomer() implements Recorded {
        }

        record UnknownStaff(long staffId) implements Recorded {
        }
    }

    /** A review held by the actor: outcome, notes and the next step. */
    public Recorded record(long customerId, Actor actor, AccountReview.Outcome outcome, String notes,
                           String nextStep) {
        AccountReview review = AccountReview.byStaff(customerId, actor.staffId(), outcome, notes, nextStep,
                clock.instant());
        return transactor.inTransaction(session -> record(session, review));
    }

    /** {@link #record(long, Actor, AccountReview.Outcome, String, String)} in the caller's transaction (a staff chat). */
    public static Recorded record(StoreSession session, AccountReview review) {
        if (session.customers().find(review.customerId()).isEmpty()) {
            return new Recorded.NoSuchCustomer();
        }
        if (review.staffId() != null && session.staff().find(review.staffId()).isEmpty()) {
            return new Recorded.UnknownStaff(review.staffId());
        }
        return new Recorded.Done(session.reviews().record(review));
    }

    /** The customer's reviews, newest first; empty when there is no such customer. */
    public Optional<List<AccountReview>> reviews(long customerId) {
        return transactor.inTransaction(session -> session.customers().find(customerId).isEmpty()
                ? Optional.<List<AccountReview>>empty()
                : Optional.of(session.reviews().ofCustomer(customerId, CustomerFile.HISTORY_LIMIT)));
    }

    /**
     * The weekly run: each owner's customers due within the coming week, posted to the staff chats (once per
     * owner and week, however often this runs), and, where the business chooses, the questionnaire planned
     * for each of those customers. Returns how many lists were posted.
     */
    public int postWeeklyLists() {
        Instant now = clock.instant();
        LocalDate today = today();
        LocalDate until = today.plusDays(6);
        String week = today.toString();
        int posted = transactor.inTransaction(session -> {
            Map<Long, List<ReviewDue>> byOwner = new LinkedHashMap<>();
            for (ReviewDue due : session.reviews().due(null, until, settings, zone, today, Integer.MAX_VALUE)) {
                if (due.ownerId() != null) {
                    byOwner.computeIfAbsent(due.ownerId(), owner -> new ArrayList<>()).add(due);
                }
                if (settings.askCustomer()) {
                    timetable.schedule(new DueEvent(questionnaireId(due.customerId(), due.dueOn()),
                            QUESTIONNAIRE, due.customerId(), now, Map.of()));
                }
            }
            int lists = 0;
            for (Map.Entry<Long, List<ReviewDue>> owner : byOwner.entrySet()) {
                Optional<StaffMember> staff = session.staff().find(owner.getKey()).filter(StaffMember::active);
                if (staff.isEmpty()) {
                    continue;
                }
                String text = list(staff.get(), owner.getValue(), today);
                for (ChannelRef chat : staffChats.chats()) {
                    session.outbox().enqueue(new OutboxItem(chat, Lane.STAFF, OutboundMessage.Text.of(text), null,
                            "reviews:" + week + ":staff-" + staff.get().id() + ":" + chat.platform().code(), now));
                    for (ReviewDue due : owner.getValue().subList(0, Math.min(owner.getValue().size(), WITH_BUTTONS))) {
                        session.outbox().enqueue(new OutboxItem(chat, Lane.STAFF, withButtons(due, today), null,
                                "review-item:" + week + ":customer-" + due.customerId() + ":" + chat.platform().code(),
                                now));
                    }
                }
                lists++;
            }
            return lists;
        });
        log.info("weekly review lists: {} owners have reviews due by {}", posted, until);
        afterCommit.run();
        return posted;
    }

    /** Button data of the weekly list's customers: {@code staff:<action>:<customer id>[:<due day>]}. */
    public static final String HELD = "rv-held";
    public static final String ASK = "rv-ask";
    public static final String LATER = "rv-later";
    public static final String OUTCOME = "rv-outcome";

    /** One customer of the weekly list, with the buttons Held, Ask the bot (where the business lets it), Later. */
    private OutboundMessage withButtons(ReviewDue due, LocalDate today) {
        Texts texts = staffChats.texts();
        String id = String.valueOf(due.customerId());
        List<io.retainbot.core.chat.Button> buttons = new ArrayList<>();
        buttons.add(new io.retainbot.core.chat.Button(texts.get("staff.review.button.held"),
                StaffChats.PREFIX + HELD + ":" + id));
        if (settings.staffMayAsk()) {
            buttons.add(new io.retainbot.core.chat.Button(texts.get("staff.review.button.ask"),
                    StaffChats.PREFIX + ASK + ":" + id + ":" + due.dueOn()));
        }
        buttons.add(new io.retainbot.core.chat.Button(texts.get("staff.review.button.later"),
                StaffChats.PREFIX + LATER + ":" + id));
        return new OutboundMessage.Text(line(texts, due, today), List.of(buttons));
    }

    /**
     * "Ask the bot" on the weekly list: the questionnaire for the customer's review due on {@code dueOn}, planned
     * now (once per due review, like the weekly run's); false when it was planned before (by the weekly run or
     * another press). {@code pressId}, the button press's event id, tells this press's planning from another's,
     * so the transaction of the press may run again and still read it as its own.
     */
    public boolean askNow(long customerId, LocalDate dueOn, String pressId, Instant now) {
        DueEvent questionnaire = new DueEvent(questionnaireId(customerId, dueOn), QUESTIONNAIRE, customerId, now,
                Map.of(ASKED_BY_PRESS, pressId));
        return timetable.schedule(questionnaire) || timetable.waits(questionnaire);
    }

    /** "Later" on the weekly list: the review is put off a week ({@link #SNOOZE}); returns until when. */
    public LocalDate snooze(StoreSession session, long customerId, long staffId, Instant now) {
        LocalDate until = now.atZone(zone).toLocalDate().plus(SNOOZE);
        session.reviews().snooze(customerId, until, staffId, now);
        return until;
    }

    private static String questionnaireId(long customerId, LocalDate dueOn) {
        return "review:customer-" + customerId + ":" + dueOn;
    }

    private static String line(Texts texts, ReviewDue each, LocalDate today) {
        return texts.get("staff.review.list.line", "customer", each.name().isBlank() ? "-" : each.name(),
                "id", String.valueOf(each.customerId()), "due", each.dueOn().toString(),
                "late", Math.max(0, ChronoUnit.DAYS.between(each.dueOn(), today)),
                "tier", each.tier() == null ? "none" : each.tier().code(),
                "suggested", each.suggestedTier().code());
    }

    private String list(StaffMember owner, List<ReviewDue> due, LocalDate today) {
        Texts texts = staffChats.texts();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("staff.review.list.title", "owner", owner.name(), "count", due.size()));
        for (ReviewDue each : due.subList(0, Math.min(due.size(), LIST_LINES))) {
            lines.add(line(texts, each, today));
        }
        if (due.size() > LIST_LINES) {
            lines.add(texts.get("staff.review.list.more", "count", due.size() - LIST_LINES));
        }
        lines.add(texts.get("staff.review.list.how"));
        return String.join("\n", lines);
    }
}
