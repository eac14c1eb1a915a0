package io.retainbot.core.outreach;

import io.retainbot.core.port.Transactor;
import java.time.Clock;
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

    /** Saves a segment and counts it; empty when another segment has the name. */
    public Optional<Counted> create(String name, SegmentFilter filter) {
        String checked = Names.checked(name);
        return transactor.inTransaction(session -> session.segments().create(checked, filter, clock.instant())
                .map(segment -> new Counted(segment, session.segments().count(filter, clock.instant()))));
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
        return transactor.inTransaction(session -> {
            if (session.broadcasts().usesSegment(id)) {
                throw new Broadcasts.Refused("id", "segment " + id + " is used by a broadcast; cancel it first");
            }
            return session.segments().delete(id);
        });
    }

    /** How many customers a filter matches now, without saving it. */
    public long count(SegmentFilter filter) {
        return transactor.inTransaction(session -> session.segments().count(filter, clock.instant()));
    }
}
