package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.PromiseAtRisk;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.DateWording;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
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
 * needs no alert. Each due event is handled once (recorded in the inbox under its id).
 */
public final class PromiseWatch {
    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);
    /** Staff texts are in English: the staff list does not say which language each person reads. */
    private static final String STAFF_LANGUAGE = "en";

    private final Transactor transactor;
    private final Reactions reactions;
    private final Messages messages;
    private final BusinessConfig business;
    private final Set<ChannelRef> staffChats;
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

    /** @param staffChats the configured staff chats (Telegram staff group, Discord staff channel) */
    public PromiseWatch(Transactor transactor, Reactions reactions, Messages messages, BusinessConfig business,
                        Set<ChannelRef> staffChats, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.messages = messages;
        this.business = business;
        this.staffChats = Set.copyOf(staffChats);
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public boolean handles(DueEvent due) {
        return WatchPromise.ALERT.equals(due.kind());
    }

    public Outcome alert(DueEvent due) {
        Outcome outcome = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (session.inbox().containsScheduled(due.id())) {
                return Outcome.DUPLICATE;
            }
            Optional<ComplaintRef> ref = ComplaintRef.parse(due.data().getOrDefault("ref", ""));
            Optional<Complaint> found = ref.isEmpty() ? Optional.empty() : session.complaints().find(ref.get());
            int stage = stage(due);
            if (found.isEmpty() || !found.get().status().isActive()
                    || session.complaints().firstResponseAt(found.get().id()).isPresent()) {
                session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.SKIPPED);
                return Outcome.NOT_NEEDED;
            }
            Complaint complaint = found.get();
            Optional<StaffMember> assignee = complaint.assigneeStaffId() == null ? Optional.empty()
                    : session.staff().find(complaint.assigneeStaffId()).filter(StaffMember::active);
            Set<ChannelRef> recipients = new LinkedHashSet<>();
            assignee.ifPresent(staff -> staff.identities().stream().map(StaffIdentity::channel).forEach(recipients::add));
            if (recipients.isEmpty()) {
                recipients.addAll(staffChats);
            }
            if (stage >= 100) {
                session.staff().list(true).stream().filter(staff -> staff.role() == StaffRole.SUPERVISOR)
                        .flatMap(staff -> staff.identities().stream()).map(StaffIdentity::channel)
                        .forEach(recipients::add);
            }
            String text = text(session, complaint, stage, assignee);
            for (ChannelRef chat : recipients) {
                session.outbox().enqueue(new OutboxItem(chat, Lane.STAFF, OutboundMessage.Text.of(text), null,
                        due.id() + "@" + chat.platform().code() + ":" + chat.chatId(), now));
            }
            if (recipients.isEmpty()) {
                log.warn("{} is at risk ({}%) and there is no staff chat to warn: configure one or link staff chats",
                        complaint.ref(), stage);
            }
            reactions.record(session, new PromiseAtRisk(complaint.id(), complaint.ref(), complaint.customerId(), stage,
                    complaint.promisedAt(), complaint.assigneeStaffId(), now), now);
            session.inbox().recordScheduled(due.id(), "staff", due.dueAt(), now, InboxStore.Outcome.HANDLED);
            return Outcome.ALERTED;
        });
        if (outcome == Outcome.ALERTED) {
            afterCommit.run();
        }
        return outcome;
    }

    private String text(StoreSession session, Complaint complaint, int stage, Optional<StaffMember> assignee) {
        Texts texts = messages.in(STAFF_LANGUAGE, Tone.FORMAL);
        String customer = session.customers().find(complaint.customerId()).map(Customer::displayName)
                .filter(name -> !name.isBlank()).orElse("customer " + complaint.customerId());
        String category = business.category(complaint.category()).map(found -> found.label(STAFF_LANGUAGE))
                .orElse(complaint.category());
        String promise = DateWording.date(complaint.promisedAt(), business.zone(), STAFF_LANGUAGE) + ", "
                + DateWording.time(complaint.promisedAt(), business.zone(), STAFF_LANGUAGE);
        String who = assignee.map(StaffMember::name).orElse(texts.get("alert.unclaimed"));
        return texts.get(stage >= 100 ? "alert.promise_due" : "alert.promise_at_risk", "ref", complaint.ref().toString(),
                "category", category, "customer", customer, "stage", String.valueOf(stage), "promise", promise,
                "who", who);
    }

    private static int stage(DueEvent due) {
        try {
            return Integer.parseInt(due.data().getOrDefault("stage", "100"));
        } catch (NumberFormatException notANumber) {
            return 100;
        }
    }
}
