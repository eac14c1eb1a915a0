package io.retainbot.core.port;

import io.retainbot.core.outreach.Segment;
import io.retainbot.core.outreach.SegmentFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Saved segments, and who is in them: evaluated in the database, set-based, never customer by customer. */
public interface SegmentStore {
    /** Saves a new segment; empty when the name is taken. */
    Optional<Segment> create(String name, SegmentFilter filter, Instant now);

    Optional<Segment> find(long id);

    /** Every segment, by name. */
    List<Segment> list();

    /** Returns whether there was such a segment. */
    boolean delete(long id);

    /** How many customers the filter matches at {@code now} (which "the last N days" counts back from). */
    long count(SegmentFilter filter, Instant now);

    /** The ids of matching customers after {@code afterId}, ascending, at most {@code limit}. */
    List<Long> members(SegmentFilter filter, Instant now, long afterId, int limit);
}
