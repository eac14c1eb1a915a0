package io.retainbot.core.outreach;

import java.time.Instant;
import java.util.Objects;

/** A saved audience: a name marketers recognise and the filter that says who is in it. */
public record Segment(long id, String name, SegmentFilter filter, Instant createdAt, Instant updatedAt) {
    public Segment {
        name = Names.checked(name);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
