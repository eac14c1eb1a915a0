package io.retainbot.core.reaction;

import io.retainbot.core.event.ContactSkipped;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * A check-in the bot could not send (no reachable chat, the customer erased, busy for too long, the
 * complaint reopened) is marked skipped on the customer file, with the reason.
 */
public final class NoteSkippedCheckIn implements Reaction {
    public static final String NAME = "note_skipped_check_in";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ContactSkipped skipped && skipped.dueEventId().startsWith(PlanCheckIns.ID_PREFIX);
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ContactSkipped skipped = (ContactSkipped) recorded.event();
        String rest = skipped.dueEventId().substring(PlanCheckIns.ID_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        if (colon < 1) {
            return;
        }
        try {
            session.checkIns().markSkipped(rest.substring(0, colon), Long.parseLong(rest.substring(colon + 1)),
                    skipped.reason());
        } catch (NumberFormatException notOurs) {
            // not an id PlanCheckIns made: nothing to mark
        }
    }
}
