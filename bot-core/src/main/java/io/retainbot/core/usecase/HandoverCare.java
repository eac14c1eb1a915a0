package io.retainbot.core.usecase;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.feedback.HandoverClosed;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.HandoverTaken;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.CareInputs.CloseHandover;
import io.retainbot.core.usecase.CareInputs.TakeHandover;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's request to talk to a person, from the staff side: a staff member takes it (the customer
 * is told a person answers now), and closes it when done (the customer is told the bot is back, and the
 * chat's conversation is the bot's again). The same calls serve the staff chats' buttons and the REST
 * API. Two colleagues taking one request at once: one wins, the other is told who has it.
 */
public final class HandoverCare {
    private static final Logger log = LoggerFactory.getLogger(HandoverCare.class);

    private final Transactor transactor;
    private final Reactions reactions;
    private final Messages messages;
    private final BusinessConfig business;
    private final Clock clock;
    private final Runnable afterCommit;

    /** @param afterCommit called after a change committed (wakes the outbox and the reactions) */
    public HandoverCare(Transactor transactor, Reactions reactions, Messages messages, BusinessConfig business,
                        Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.messages = messages;
        this.business = business;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public HandoverResult take(TakeHandover input) {
        long staffId = input.actor().staffId();
        HandoverResult result = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            Optional<StaffMember> staff = activeStaff(session, staffId);
            if (staff.isEmpty()) {
                return unknownStaff(staffId);
            }
            Optional<HandoverRequest> found = session.feedback().findHandover(input.requestId());
            if (found.isEmpty()) {
                return notFound(input.requestId());
            }
            // the chat's lock first, as the engine takes it: no deadlock with the customer writing meanwhile
            session.conversations().lock(found.get().channel(), now);
            HandoverRequest request = session.feedback().findHandover(input.requestId()).orElseThrow();
            if (!session.feedback().takeHandover(request.id(), staffId, now)) {
                HandoverRequest current = session.feedback().findHandover(request.id()).orElseThrow();
                if (HandoverRequest.TAKEN.equals(current.status()) && current.takenByStaffId() != null
                        && current.takenByStaffId() == staffId) {
                    return new HandoverResult.Done(current);
                }
                return takenOrEnded(session, current);
            }
            tell(session, request, now, "handover.person_took", staff.get().name());
            reactions.record(session, new HandoverTaken(request.id(), request.customerId(), request.channel(), staffId,
                    now), now);
            return new HandoverResult.Done(session.feedback().findHandover(request.id()).orElseThrow());
        });
        finish(result, "taken", input.actor());
        return result;
    }

    public HandoverResult close(CloseHandover input) {
        HandoverResult result = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (input.actor().staff().isPresent() && activeStaff(session, input.actor().staffId()).isEmpty()) {
                return unknownStaff(input.actor().staffId());
            }
            Optional<HandoverRequest> found = session.feedback().findHandover(input.requestId());
            if (found.isEmpty()) {
                return notFound(input.requestId());
            }
            session.conversations().lock(found.get().channel(), now);
            HandoverRequest request = session.feedback().findHandover(input.requestId()).orElseThrow();
            if (!session.feedback().closeHandover(request.id(), now)) {
                return takenOrEnded(session, request);
            }
            session.conversations().handBack(request.channel(), now);
            String person = request.takenByStaffId() == null ? null
                    : session.staff().find(request.takenByStaffId()).map(StaffMember::name).orElse(null);
            if (person != null) {
                tell(session, request, now, "handover.handed_back", person);
            } else {
                tell(session, request, now, "handover.cancelled", "");
            }
            reactions.record(session, new HandoverClosed(request.id(), request.customerId(), request.channel(),
                    request.takenByStaffId(), input.actor().staffId(), now), now);
            return new HandoverResult.Done(session.feedback().findHandover(request.id()).orElseThrow());
        });
        finish(result, "closed", input.actor());
        return result;
    }

    private void finish(HandoverResult result, String what, Actor actor) {
        if (result instanceof HandoverResult.Done done) {
            log.info("handover request {} {} (by {})", done.request().id(), what,
                    actor.staff().map(id -> "staff " + id).orElse("the API"));
            afterCommit.run();
        }
    }

    private static HandoverResult takenOrEnded(StoreSession session, HandoverRequest current) {
        if (HandoverRequest.TAKEN.equals(current.status()) && current.takenByStaffId() != null) {
            String name = session.staff().find(current.takenByStaffId()).map(StaffMember::name)
                    .orElse("staff member " + current.takenByStaffId());
            return new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                    "handover request " + current.id() + " is already taken by " + name, name);
        }
        return new HandoverResult.Refused(CareResult.Reason.CONFLICT,
                "handover request " + current.id() + " is " + current.status(), null);
    }

    private static HandoverResult notFound(long requestId) {
        return new HandoverResult.Refused(CareResult.Reason.NOT_FOUND, "no handover request " + requestId, null);
    }

    private static HandoverResult unknownStaff(long staffId) {
        return new HandoverResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member " + staffId, null);
    }

    private static Optional<StaffMember> activeStaff(StoreSession session, long staffId) {
        return session.staff().find(staffId).filter(StaffMember::active);
    }

    /** Tells the customer, in their language and tone, in the chat where they asked for a person. */
    private void tell(StoreSession session, HandoverRequest request, Instant now, String key, String staffName) {
        Optional<Customer> customer = session.customers().find(request.customerId());
        if (customer.isEmpty()) {
            return;
        }
        Texts texts = messages.in(customer.get().language(), customer.get().tone());
        String text = texts.get(key, "staff", staffName, "company", business.companyName());
        session.outbox().enqueue(OutboxItem.reply(request.channel(), OutboundMessage.Text.of(text),
                request.customerId(), now));
    }
}
