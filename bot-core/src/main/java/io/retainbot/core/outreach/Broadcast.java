package io.retainbot.core.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A template sent to a segment on a schedule. Birthday greetings are a broadcast too: daily, to the
 * customers (of the segment, or everyone) whose birthday it is that day.
 *
 * @param segmentId      the audience; {@code null} only for birthday greetings to everyone
 * @param nextOccurrence the next occurrence as a local date and time, {@code null} when none is left
 */
public record Broadcast(long id, String name, Kind kind, Long segmentId, long templateId, BroadcastSchedule schedule,
                        Status status, LocalDateTime nextOccurrence, Instant createdAt, Instant updatedAt) {
    public Broadcast {
        name = Names.checked(name);
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.BROADCAST && segmentId == null) {
            throw new IllegalArgumentException("a broadcast needs a segment");
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public enum Kind {
        BROADCAST,
        BIRTHDAY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public enum Status {
        ACTIVE,
        PAUSED,
        CANCELLED,
        FINISHED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
