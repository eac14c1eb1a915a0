package io.retainbot.core.outreach;

import io.retainbot.core.port.BroadcastTimetable;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Creating broadcasts and steering them: pause, resume, cancel, and their progress. Sending is the
 * {@link BroadcastRunner}'s job, at the times the {@link BroadcastTimetable} plans: a new broadcast is
 * planned for its first occurrence, a resumed one at once.
 */
public final class Broadcasts {
    private final Transactor transactor;
    private final ZoneId businessZone;
    private final Clock clock;
    private final BroadcastTimetable timetable;

    public Broadcasts(Transactor transactor, ZoneId businessZone, Clock clock, BroadcastTimetable timetable) {
        this.transactor = transactor;
        this.businessZone = businessZone;
        this.clock = clock;
        this.timetable = timetable;
    }

    /** Why a broadcast cannot be created. */
    public static final class Refused extends IllegalArgumentException {
        private final String field;

        public Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A run and how far it is. */
    public record RunProgress(BroadcastRun run, Progress progress) {
    }

    /** A broadcast with its runs. */
    public record Overview(Broadcast broadcast, List<RunProgress> runs) {
    }

    /**
     * Saves a broadcast; its first occurrence is due as the schedule says ("now" is due at once).
     *
     * @throws Refused when the segment or template does not exist or the name is taken
     */
    public Broadcast create(String name, long segmentId, long templateId, BroadcastSchedule schedule) {
        return create(name, segmentId, templateId, schedule, ChangedBy.ADMIN_TOKEN);
    }

    /**
     * Saves a broadcast, recording who did; its first occurrence is due as the schedule says.
     *
     * @throws Refused when the segment or template does not exist or the name is taken
     */
    public Broadcast create(String name, long segmentId, long templateId, BroadcastSchedule schedule, ChangedBy by) {
        String checked = Names.checked(name);
        Instant now = clock.instant();
        Optional<LocalDateTime> first = schedule.first(now, businessZone);
        Broadcast created = transactor.inTransaction(session -> {
            if (session.segments().find(segmentId).isEmpty()) {
                throw new Refused("segmentId", "there is no segment " + segmentId);
            }
            if (session.templates().find(templateId).isEmpty()) {
                throw new Refused("templateId", "there is no template " + templateId);
            }
            Broadcast saved = session.broadcasts().create(checked, Broadcast.Kind.BROADCAST, segmentId, templateId,
                            schedule, first.orElse(null),
                            first.map(occurrence -> schedule.dueAt(occurrence, businessZone)).orElse(null), now)
                    .orElseThrow(() -> new Refused("name", "a broadcast called \"" + checked + "\" exists already"));
            session.outreachChanges().record(by, OutreachChange.Subject.BROADCAST, saved.id(), saved.name(),
                    OutreachChange.Action.CREATED, now);
            return saved;
        });
        first.ifPresent(occurrence -> timetable.planOccurrence(created.id(), schedule.dueAt(occurrence, businessZone)));
        return created;
    }

    public List<Broadcast> list() {
        return transactor.inTransaction(session -> session.broadcasts().list());
    }

    public Optional<Overview> find(long id) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> session.broadcasts().find(id).map(broadcast ->
                new Overview(broadcast, session.broadcasts().runs(id).stream()
                        .map(run -> new RunProgress(run, session.broadcasts().progress(run.id(), now))).toList())));
    }

    /** Stops queueing more messages (what is already queued still goes out); false if there is no such broadcast. */
    public boolean pause(long id) {
        return pause(id, ChangedBy.ADMIN_TOKEN);
    }

    /** Pauses the broadcast, recording who did; false if there is no such broadcast. */
    public boolean pause(long id, ChangedBy by) {
        return steer(id, Broadcast.Status.PAUSED, BroadcastRun.Status.RUNNING, BroadcastRun.Status.PAUSED, by,
                OutreachChange.Action.PAUSED);
    }

    /** Carries on where the broadcast was paused: its runs send again, and its next occurrence is looked at. */
    public boolean resume(long id) {
        return resume(id, ChangedBy.ADMIN_TOKEN);
    }

    /** Resumes the broadcast, recording who did; false if there is no such broadcast. */
    public boolean resume(long id, ChangedBy by) {
        if (!steer(id, Broadcast.Status.ACTIVE, BroadcastRun.Status.PAUSED, BroadcastRun.Status.RUNNING, by,
                OutreachChange.Action.RESUMED)) {
            return false;
        }
        Instant now = clock.instant();
        timetable.planOccurrence(id, now);
        for (BroadcastRun run : transactor.inTransaction(session -> session.broadcasts().runs(id))) {
            if (run.status() == BroadcastRun.Status.RUNNING) {
                timetable.planRun(run.id(), now);
            }
        }
        return true;
    }

    /** Ends the broadcast: nothing more is queued, and queued messages not yet sent are skipped. */
    public boolean cancel(long id) {
        return cancel(id, ChangedBy.ADMIN_TOKEN);
    }

    /** Cancels the broadcast, recording who did; false if there is no such broadcast. */
    public boolean cancel(long id, ChangedBy by) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Optional<Broadcast> broadcast = session.broadcasts().find(id);
            if (broadcast.isEmpty()) {
                return false;
            }
            if (broadcast.get().status() == Broadcast.Status.FINISHED) {
                throw new Refused("status", "the broadcast is finished: every message has been sent, nothing is "
                        + "left to cancel");
            }
            session.broadcasts().setStatus(id, Broadcast.Status.CANCELLED, now);
            session.outreachChanges().record(by, OutreachChange.Subject.BROADCAST, id, broadcast.get().name(),
                    OutreachChange.Action.CANCELLED, now);
            for (BroadcastRun run : session.broadcasts().runs(id)) {
                if (run.status() == BroadcastRun.Status.RUNNING || run.status() == BroadcastRun.Status.PAUSED) {
                    session.broadcasts().cancelPending(run.id(), now);
                    session.broadcasts().setRunStatus(run.id(), BroadcastRun.Status.CANCELLED, now);
                }
            }
            return true;
        });
    }

    private boolean steer(long id, Broadcast.Status status, BroadcastRun.Status from, BroadcastRun.Status to,
                          ChangedBy by, OutreachChange.Action action) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Optional<Broadcast> broadcast = session.broadcasts().find(id);
            if (broadcast.isEmpty()) {
                return false;
            }
            Broadcast.Status current = broadcast.get().status();
            if (current == Broadcast.Status.CANCELLED) {
                throw new Refused("status", "the broadcast is " + current.code() + " and cannot be "
                        + (status == Broadcast.Status.PAUSED ? "paused" : "resumed"));
            }
            if (current != Broadcast.Status.FINISHED) {
                session.broadcasts().setStatus(id, status, now);
            }
            session.outreachChanges().record(by, broadcast.get().kind() == Broadcast.Kind.BIRTHDAY
                            ? OutreachChange.Subject.BIRTHDAY_GREETINGS : OutreachChange.Subject.BROADCAST, id,
                    broadcast.get().name(), action, now);
            for (BroadcastRun run : session.broadcasts().runs(id)) {
                if (run.status() == from) {
                    session.broadcasts().setRunStatus(run.id(), to, now);
                }
            }
            return true;
        });
    }
}
