package io.retainbot.core.port;

import io.retainbot.core.outreach.ChangedBy;
import io.retainbot.core.outreach.OutreachChange;
import java.time.Instant;
import java.util.List;

/** Who changed outreach (segments, templates, broadcasts, greetings), what and when. */
public interface OutreachChangeStore {
    void record(ChangedBy by, OutreachChange.Subject subject, Long subjectId, String subjectName,
                OutreachChange.Action action, Instant at);

    /** The latest changes, newest first. */
    List<OutreachChange> latest(int limit);
}
