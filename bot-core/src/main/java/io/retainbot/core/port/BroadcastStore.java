package io.retainbot.core.port;

import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRun;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Progress;
import io.retainbot.core.outreach.SegmentFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Broadcasts, their runs and the deliveries of each run: one row per (run, customer), so a customer
 * can never get the same run twice, however often a run is expanded or a batch is queued.
 */
public interface BroadcastStore {
    /** Saves a broadcast; empty when the name is taken (or, for birthdays, when they exist already). */
    Optional<Broadcast> create(String name, Broadcast.Kind kind, Long segmentId, long templateId,
                               BroadcastSchedule schedule, LocalDateTime nextOccurrence, Instant nextDue, Instant now);

    /** The birthday greetings, if they were ever set up. */
    Optional<Broadcast> birthday();

    /** Changes the birthday greetings' audience, template, schedule and status. */
    void updateBirthday(long id, Long segmentId, long templateId, BroadcastSchedule schedule, Broadcast.Status status,
                        LocalDateTime nextOccurrence, Instant nextDue, Instant now);

    Optional<Broadcast> find(long id);

    List<Broadcast> list();

    /** The broadcast, locked for this transaction (another instance starting its occurrences waits). */
    Optional<Broadcast> lock(long id);

    /** Active broadcasts with an occurrence still to come, soonest first. */
    List<Broadcast> planned();

    /** When the run's earliest pending delivery falls due (quiet hours, customer zones), if any is pending. */
    Optional<Instant> nextPending(long runId);

    /** Returns whether the broadcast exists (and now has this status). */
    boolean setStatus(long id, Broadcast.Status status, Instant now);

    /** Active broadcasts whose next occurrence is due, locked for this transaction; others skip them. */
    List<Broadcast> lockDue(Instant now, int limit);

    /**
     * Moves the schedule on; {@code null} when there is no next occurrence. An active broadcast with no next
     * occurrence is finished only once none of its runs still sends or is paused (see {@link #finishIfDone}).
     */
    void scheduleNext(long id, LocalDateTime nextOccurrence, Instant nextDue, Instant now);

    /** Finishes an active broadcast that has no next occurrence and no run still sending or paused. */
    void finishIfDone(long id, Instant now);

    /** Starts a run for an occurrence; empty when that occurrence already has one. */
    Optional<BroadcastRun> startRun(long broadcastId, LocalDateTime occurrence, Instant now);

    /**
     * Expands a run's audience into its deliveries in one statement: every customer the filter
     * matches at {@code now}, due at {@code dueAt} (business zone) or at the occurrence's local time in
     * each customer's zone (customer zone, {@code businessZone} for those without one). Customers with no
     * reachable chat, and for marketing those without consent, are recorded as skipped with the reason.
     * Returns how many deliveries were added.
     */
    long expand(long runId, SegmentFilter filter, boolean marketing, BroadcastSchedule.ZoneMode zoneMode,
                LocalDateTime occurrence, Instant dueAt, ZoneId businessZone, Instant now);

    /**
     * As {@link #expand}, for birthday greetings: only customers whose birthday falls on the occurrence's
     * date (29 February birthdays fall on 28 February outside leap years), each at its local time in their zone.
     */
    long expandBirthdays(long runId, SegmentFilter filter, LocalDateTime occurrence, ZoneId businessZone,
                         Instant now);

    /** Whether any broadcast sends to this segment. */
    boolean usesSegment(long segmentId);

    /** Whether any broadcast sends this template. */
    boolean usesTemplate(long templateId);

    List<BroadcastRun> runs(long broadcastId);

    Optional<BroadcastRun> run(long runId);

    /** Runs still sending, oldest first. */
    List<BroadcastRun> running(int limit);

    boolean setRunStatus(long runId, BroadcastRun.Status status, Instant now);

    /** Deliveries due now and still pending, locked for this transaction; other instances skip them. */
    List<Long> lockPending(long runId, Instant now, int limit);

    /** How many of the run's deliveries are queued in the outbox and not sent yet. */
    long inFlight(long runId);

    /** Pending deliveries of these customers are queued as these outbox messages (one statement). */
    void markQueued(long runId, Map<Long, Long> outboxIdByCustomer, Instant now);

    /** Pending deliveries of these customers are skipped for these reasons (one statement). */
    void markSkipped(long runId, Map<Long, String> reasonByCustomer, Instant now);

    /** Pending deliveries of these customers wait until these moments (one statement). */
    void postpone(long runId, Map<Long, Instant> untilByCustomer, Instant now);

    /** When each of these customers last got a marketing message of any run, for those who ever did. */
    Map<Long, Instant> lastMarketing(Collection<Long> customerIds);

    /** When the customer last got a marketing message of any run (queued or sent), if ever. */
    Optional<Instant> lastMarketing(long customerId);

    /** Copies the outcome of the run's sent messages from the outbox; returns how many changed. */
    int recordOutcomes(long runId, Instant now);

    /** Skips what is still pending of a run, in the deliveries and in the outbox; returns how many. */
    int cancelPending(long runId, Instant now);

    /** Whether every delivery of the run has an outcome. */
    boolean done(long runId);

    Progress progress(long runId, Instant now);
}
