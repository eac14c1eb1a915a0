package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintClaimed;
import io.retainbot.core.complaint.ComplaintEvent;
import io.retainbot.core.complaint.ComplaintReassigned;
import io.retainbot.core.complaint.ComplaintReferred;
import io.retainbot.core.complaint.ComplaintReopened;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.complaint.ComplaintWithdrawn;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.feedback.HandoverClosed;
import io.retainbot.core.feedback.HandoverEnded;
import io.retainbot.core.feedback.HandoverTaken;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * Keeps the staff chats truthful: when a complaint is claimed, reassigned, resolved, referred, reopened
 * or withdrawn, or a request for a person is taken or ends, its pings are edited to say so (and lose the
 * buttons that no longer apply). Edits render the state as it is when they run, so a repeated or late
 * run shows the same truth.
 */
public final class ShowStaffProgress implements Reaction {
    public static final String NAME = "show_staff_progress";

    private final StaffChats staffChats;

    public ShowStaffProgress(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintClaimed || event instanceof ComplaintReassigned
                || event instanceof ComplaintResolved || event instanceof ComplaintReferred
                || event instanceof ComplaintReopened || event instanceof ComplaintWithdrawn
                || event instanceof HandoverTaken || event instanceof HandoverClosed || event instanceof HandoverEnded;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        DomainEvent event = recorded.event();
        if (event instanceof ComplaintEvent about) {
            staffChats.refreshComplaint(session, about.ref(), now);
        } else if (event instanceof HandoverTaken taken) {
            staffChats.refreshHandover(session, taken.requestId(), now);
        } else if (event instanceof HandoverClosed closed) {
            staffChats.refreshHandover(session, closed.requestId(), now);
        } else if (event instanceof HandoverEnded ended) {
            staffChats.refreshHandover(session, ended.handoverId(), now);
        }
    }
}
