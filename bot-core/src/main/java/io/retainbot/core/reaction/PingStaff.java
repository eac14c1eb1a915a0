package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.complaint.SatisfactionRated;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.HandoverRequested;
import io.retainbot.core.port.StaffPostStore;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * Tells staff at once what needs a person: a new complaint, a customer asking for a person, and a
 * complaint rated {@link ReopenOnLowScore#LOW} or lower after its resolution. Each staff chat gets one
 * ping with the buttons to act on it, enqueued in the delivery's transaction: a crash before "done"
 * leaves no ping behind, and the run after it posts the ping once.
 */
public final class PingStaff implements Reaction {
    public static final String NAME = "ping_staff";

    private final StaffChats staffChats;

    public PingStaff(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintFiled || event instanceof HandoverRequested
                || event instanceof SatisfactionRated rated && rated.score() <= ReopenOnLowScore.LOW;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        DomainEvent event = recorded.event();
        if (event instanceof ComplaintFiled filed) {
            session.complaints().find(filed.ref()).ifPresent(complaint ->
                    staffChats.pingComplaint(session, complaint, StaffPostStore.Kind.COMPLAINT_PING, 0, now));
        } else if (event instanceof SatisfactionRated rated) {
            session.complaints().find(rated.ref()).ifPresent(complaint ->
                    staffChats.pingComplaint(session, complaint, StaffPostStore.Kind.LOW_SCORE_PING, rated.score(), now));
        } else if (event instanceof HandoverRequested requested) {
            session.feedback().findHandover(requested.handoverId()).filter(HandoverRequest::isActive)
                    .ifPresent(request -> staffChats.pingHandover(session, request, now));
        }
    }
}
