package io.retainbot.core.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/** One occurrence of a broadcast, with its deliveries. */
public record BroadcastRun(long id, long broadcastId, LocalDateTime occurrence, Status status, Instant createdAt,
                           Instant finishedAt) {
    public BroadcastRun {
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public enum Status {
        RUNNING,
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
