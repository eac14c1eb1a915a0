package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintReopened;
import io.retainbot.core.complaint.SatisfactionRated;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.i18n.Texts;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * A customer who rated the handling of their complaint 1 or 2 is not done with: the complaint is
 * reopened, with a note saying why (in the staff language), for a supervisor to look at. Reopening an already open complaint
 * changes nothing, so running this twice is harmless.
 */
public final class ReopenOnLowScore implements Reaction {
    public static final String NAME = "reopen_on_low_score";
    static final int LOW = 2;

    private final Texts staffTexts;

    /** @param staffTexts the staff language, in which the note is written */
    public ReopenOnLowScore(Texts staffTexts) {
        this.staffTexts = staffTexts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof SatisfactionRated rated && rated.score() <= LOW;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        SatisfactionRated rated = (SatisfactionRated) recorded.event();
        if (session.complaints().reopen(rated.complaintId(), now)) {
            String reason = "the customer rated the handling " + rated.score() + " of 5";
            session.complaints().addNote(rated.complaintId(), ComplaintNote.Author.SYSTEM,
                    staffTexts.get("history.low_score", "score", rated.score()), now);
            reactions.record(session, new ComplaintReopened(rated.complaintId(), rated.ref(), rated.customerId(), null,
                    reason, now), now);
        }
    }
}
