package io.retainbot.core.port;

import java.time.Instant;

/**
 * When broadcasts are looked at: each broadcast has one planned look at its next occurrence, and each
 * run one planned stretch of sending, cluster-wide (several instances on one database never do the
 * same look twice at once). Planning is idempotent and only ever brings a plan forward: planning a
 * later time than the one waiting changes nothing, since every look re-reads the broadcast and plans
 * the next one itself.
 */
public interface BroadcastTimetable {
    /** Look at the broadcast's next occurrence at {@code at} (or earlier, if that is planned already). */
    void planOccurrence(long broadcastId, Instant at);

    /** Send the run's deliveries from {@code at} until the run ends, pauses or waits for later deliveries. */
    void planRun(long runId, Instant at);
}
