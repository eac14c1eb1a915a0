package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.PromiseAtRisk;
import io.retainbot.core.complaint.ResolutionAtRisk;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.feedback.HandoverOverdue;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.reaction.WatchPromise;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff alerts before a promise is missed ({@link WatchPromise#ALERT} due events): while a complaint is
 * still unanswered at a stage, the staff member who has it is warned in their chats, or the staff chats
 * when nobody claimed it; at the promise itself the active supervisors are warned too. Sent in the staff
 * lane; recorded as {@link PromiseAtRisk}. A complaint answered, resolved, referred or withdrawn by then
 * needs no alert. Resolution alerts ({@link WatchPromise#RESOLUTION_ALERT}) go the same way while a complaint
 * is not yet resolved, referred or withdrawn at a stage of the way to its resolution target; recorded as
 * {@link ResolutionAtRisk}. Each due event is handled once (recorded in the inbox under its id).
 */
public final class PromiseWatch {
    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);
    private final Transactor transactor;
    private final Reactions reactions;
    private final Messages messages;
    private final BusinessConfig business;
    private final StaffChats staffChats;
    private final Clock clock;
    private final Runnable afterCommit;

    /** What became of an alert that fell due. */
    public enum Outcome {
        ALERTED,
        /** Answered or closed meanwhile (or no such complaint): recorded as skipped. */
        NOT_NEEDED,
        /** Handled before under the same id. */
        DUPLICATE
    }

    /**
     * @param staffChats the configured staff chats (Telegram staff group, Discord staff channel), and the
     *                   language staff read ({@code STAFF_LANGUAGE})
     */
    public PromiseWatch(Transactor transactor, Reactions reactions, Messages messages, BusinessConfig business,
                        StaffChats staffChats, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.messages = messages;
        this.business = business;
        this.staffChats = staffChats;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public boolean handles(DueEvent due) {
        return WatchPromise.ALERT.equals(due.kind()) || WatchPromise.RESOLUTION_ALERT.equals(due.kind())
                || WatchPromise.HANDOVER_OVERDUE.equals(due.kind());
    }

    public Outcome alert(DueEvent due) {
        if (WatchPromise.HANDOVER_OVERDUE.equals(due.kind())) {
            return handoverOverdue(due);
        }
        boolean resolution = WatchPromise.RESOLUTION_ALERT.equals(due.kind());
        Outcome outcome = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (session.inbox().containsScheduled(due.id())) {
                return Outcome.DUPLICATE;
            }
            Optional<ComplaintRef> ref = ComplaintRef.parse(due.data().getOrDefault("ref", ""));
            Optional<Complaint> found = ref.isEmpty() ? Optional.empty() : session.complaints().find(ref.get());
            Optional<Instant> resolutionDue = resolution ? dueAt(due) : Optional.empty();
            int stage = stage(due);
            boolean needed = found.isPresent() && found.get().status().isActive() && (resolution
                    ? resolutionDue.isPresent()
                    : session.complaints().firstResponseAt(found.get().id()).isEmpty());
            if (!needed) {
                session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.SKIPPED);
                return Outcome.NOT_NEEDED;
            }
            Complaint complaint = found.get();
            Optional<StaffMember> assignee = complaint.assigneeStaffId() == null ? Optional.empty()
                    : session.staff().find(complaint.assigneeStaffId()).filter(StaffMember::active);
            Set<ChannelRef> recipients = new LinkedHashSet<>();
            assignee.ifPresent(staff -> staff.identities().stream().map(StaffIdentity::channel).forEach(recipients::add));
            if (recipients.isEmpty()) {
                recipients.addAll(staffChats.chats());
            }
            if (stage >= 100) {
                supervisorChats(session).forEach(recipients::add);
            }
            String text = resolution ? text(session, complaint, stage, assignee, "alert.resolution_due",
                    "alert.resolution_at_risk", resolutionDue.get())
                    : text(session, complaint, stage, assignee, "alert.promise_due", "alert.promise_at_risk",
                    complaint.promisedAt());
            for (ChannelRef chat : recipients) {
                session.outbox().enqueue(new OutboxItem(chat, Lane.STAFF, OutboundMessage.Text.of(text), null,
                        due.id() + "@" + chat.platform().code() + ":" + chat.chatId(), now));
            }
            if (recipients.isEmpty()) {
                log.warn("{} is at risk ({}%{}) and there is no staff chat to warn: configure one or link staff chats",
                        complaint.ref(), stage, resolution ? " of its resolution target" : "");
            }
            reactions.record(session, resolution
                    ? new ResolutionAtRisk(complaint.id(), complaint.ref(), complaint.customerId(), stage,
                    resolutionDue.get(), complaint.assigneeStaffId(), now)
                    : new PromiseAtRisk(complaint.id(), complaint.ref(), complaint.customerId(), stage,
                    complaint.promisedAt(), complaint.assigneeStaffId(), now), now);
            session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.HANDLED);
            return Outcome.ALERTED;
        });
        if (outcome == Outcome.ALERTED) {
            afterCommit.run();
        }
        return outcome;
    }

    /**
     * A request for a person nobody took in time: a reminder under its ping in every staff chat (and to
     * supervisors), and an honest word to the customer, on the chat they asked on, that it is still open.
     * Nothing when it was taken, closed or cancelled meanwhile.
     */
    private Outcome handoverOverdue(DueEvent due) {
        Outcome outcome = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (session.inbox().containsScheduled(due.id())) {
                return Outcome.DUPLICATE;
            }
            Optional<HandoverRequest> found = parseId(due.data().getOrDefault("handover", ""))
                    .flatMap(id -> session.feedback().findHandover(id))
                    .filter(request -> HandoverRequest.OPEN.equals(request.status()));
            if (found.isEmpty()) {
                session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.SKIPPED);
                return Outcome.NOT_NEEDED;
            }
            HandoverRequest request = found.get();
            Texts staffTexts = staffChats.texts();
            String since = DateWording.time(request.createdAt(), business.zone(), staffTexts.language());
            String reminder = staffChats.remindAboutHandover(session, request, since, now);
            supervisorChats(session).filter(chat -> !staffChats.chats().contains(chat))
                    .forEach(chat -> session.outbox().enqueue(new OutboxItem(chat, Lane.STAFF,
                            OutboundMessage.Text.of(reminder), null,
                            due.id() + "@" + chat.platform().code() + ":" + chat.chatId(), now)));
            tellCustomer(session, request, due, now);
            reactions.record(session, new HandoverOverdue(request.id(), request.customerId(), request.createdAt(), now),
                    now);
            session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.HANDLED);
            return Outcome.ALERTED;
        });
        if (outcome == Outcome.ALERTED) {
            afterCommit.run();
        }
        return outcome;
    }

    private void tellCustomer(StoreSession session, HandoverRequest request, DueEvent due, Instant now) {
        session.customers().find(request.customerId()).ifPresent(customer -> {
            Texts texts = messages.in(customer.language(), customer.tone());
            session.outbox().enqueue(new OutboxItem(request.channel(), Lane.REPLY,
                    OutboundMessage.Text.of(texts.get("handover.overdue", "company", business.companyName())),
                    customer.id(), due.id(), now));
        });
    }

    /** The own chats of the active supervisors. */
    private static java.util.stream.Stream<ChannelRef> supervisorChats(StoreSession session) {
        return session.staff().list(true).stream().filter(staff -> staff.role() == StaffRole.SUPERVISOR)
                .flatMap(staff -> staff.identities().stream()).map(StaffIdentity::channel);
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private String text(StoreSession session, Complaint complaint, int stage, Optional<StaffMember> assignee,
                        String dueKey, String atRiskKey, Instant deadline) {
        Texts texts = staffChats.texts();
        String language = texts.language();
        String customer = session.customers().find(complaint.customerId()).map(Customer::displayName)
                .filter(name -> !name.isBlank()).orElse("#" + complaint.customerId());
        String category = business.category(complaint.category()).map(found -> found.label(language))
                .orElse(complaint.category());
        String when = DateWording.date(deadline, business.zone(), language) + ", "
                + DateWording.time(deadline, business.zone(), language);
        String who = assignee.map(StaffMember::name).orElse(texts.get("alert.unclaimed"));
        return texts.get(stage >= 100 ? dueKey : atRiskKey, "ref", complaint.ref().toString(),
                "category", category, "customer", customer, "stage", String.valueOf(stage), "promise", when,
                "due", when, "who", who);
    }

    private static Optional<Instant> dueAt(DueEvent due) {
        try {
            return Optional.of(Instant.parse(due.data().getOrDefault("due", "")));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    private static int stage(DueEvent due) {
        try {
            return Integer.parseInt(due.data().getOrDefault("stage", "100"));
        } catch (NumberFormatException notANumber) {
            return 100;
        }
    }
}
