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
 * weekly list each owner gets in the staff chat. Where the business chooses, the weekly run also has the
 * bot ask each due customer its short questionnaire ({@link #QUESTIONNAIRE}), once per due review.
 */
public final class Reviews {
    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    /** The due event kind of the bot's review questionnaire. */
    public static final String QUESTIONNAIRE = "review_questionnaire";
    public static final int DUE_LIMIT = 500;
    /** How many customers one owner's weekly list names (the rest are counted). */
    static final int LIST_LINES = 30;

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
                    timetable.schedule(new DueEvent("review:customer-" + due.customerId() + ":" + due.dueOn(),
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
                }
                lists++;
            }
            return lists;
        });
        log.info("weekly review lists: {} owners have reviews due by {}", posted, until);
        afterCommit.run();
        return posted;
    }

    private String list(StaffMember owner, List<ReviewDue> due, LocalDate today) {
        Texts texts = staffChats.texts();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("staff.review.list.title", "owner", owner.name(), "count", due.size()));
        for (ReviewDue each : due.subList(0, Math.min(due.size(), LIST_LINES))) {
            lines.add(texts.get("staff.review.list.line", "customer", each.name().isBlank() ? "-" : each.name(),
                    "id", String.valueOf(each.customerId()), "due", each.dueOn().toString(),
                    "late", Math.max(0, ChronoUnit.DAYS.between(each.dueOn(), today)),
                    "tier", each.tier() == null ? "none" : each.tier().code(),
                    "suggested", each.suggestedTier().code()));
        }
        if (due.size() > LIST_LINES) {
            lines.add(texts.get("staff.review.list.more", "count", due.size() - LIST_LINES));
        }
        lines.add(texts.get("staff.review.list.how"));
        return String.join("\n", lines);
    }
}
