package io.retainbot.core.outreach;

import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating, reading and deleting saved segments, and counting their audience before anything is sent. */
public final class Segments {
    private final Transactor transactor;
    private final Clock clock;

    public Segments(Transactor transactor, Clock clock) {
        this.transactor = transactor;
        this.clock = clock;
    }

    /** A segment with the number of customers in it right now. */
    public record Counted(Segment segment, long audience) {
    }

    /** Saves a segment and counts it; empty when another segment has the name. Recorded as the admin token's. */
    public Optional<Counted> create(String name, SegmentFilter filter) {
        return create(name, filter, ChangedBy.ADMIN_TOKEN);
    }

    /** Saves a segment and counts it, recording who did; empty when another segment has the name. */
    public Optional<Counted> create(String name, SegmentFilter filter, ChangedBy by) {
        String checked = Names.checked(name);
        return transactor.inTransaction(session -> {
            Instant now = clock.instant();
            Optional<Segment> created = session.segments().create(checked, filter, now);
            created.ifPresent(segment -> session.outreachChanges().record(by, OutreachChange.Subject.SEGMENT,
                    segment.id(), segment.name(), OutreachChange.Action.CREATED, now));
            return created.map(segment -> new Counted(segment, session.segments().count(filter, now)));
        });
    }

    public Optional<Counted> find(long id) {
        return transactor.inTransaction(session -> session.segments().find(id)
                .map(segment -> new Counted(segment, session.segments().count(segment.filter(), clock.instant()))));
    }

    public List<Segment> list() {
        return transactor.inTransaction(session -> session.segments().list());
    }

    /** @throws Broadcasts.Refused when a broadcast sends to the segment */
    public boolean delete(long id) {
        return delete(id, ChangedBy.ADMIN_TOKEN);
    }

    /** Deletes a segment, recording who did; false when there is none. @throws Broadcasts.Refused when in use */
    public boolean delete(long id, ChangedBy by) {
        return transactor.inTransaction(session -> {
            if (session.broadcasts().usesSegment(id)) {
                throw new Broadcasts.Refused("id", "segment " + id + " is used by a broadcast; cancel it first");
            }
            Optional<Segment> segment = session.segments().find(id);
            if (segment.isEmpty() || !session.segments().delete(id)) {
                return false;
            }
            session.outreachChanges().record(by, OutreachChange.Subject.SEGMENT, id, segment.get().name(),
                    OutreachChange.Action.DELETED, clock.instant());
            return true;
        });
    }

    /** How many customers a filter matches now, without saving it. */
    public long count(SegmentFilter filter) {
        return transactor.inTransaction(session -> session.segments().count(filter, clock.instant()));
    }
}
