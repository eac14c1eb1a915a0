package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer asked to talk to a person: {@code open} until a staff member takes it ({@code taken}),
 * then {@code closed} when the conversation is handed back to the bot; {@code cancelled} when the
 * customer withdrew it.
 *
 * @param takenByStaffId who took it, null while nobody has
 */
public record HandoverRequest(long id, long customerId, ChannelRef channel, String status, Instant createdAt,
                              Long takenByStaffId, Instant takenAt, Instant closedAt) {
    public static final String OPEN = "open";
    public static final String TAKEN = "taken";
    public static final String CLOSED = "closed";
    public static final String CANCELLED = "cancelled";
    /**
     * How much opening time may pass before a person takes a request: the customer is told "usually
     * within the hour", and a request still open after it is overdue (the staff are reminded, the
     * customer told honestly).
     */
    public static final Duration TAKEN_WITHIN = Duration.ofHours(1);

    public HandoverRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public HandoverRequest(long id, long customerId, ChannelRef channel, String status, Instant createdAt) {
        this(id, customerId, channel, status, createdAt, null, null, null);
    }

    /** Open or taken: the customer is still waiting for, or talking with, a person. */
    public boolean isActive() {
        return OPEN.equals(status) || TAKEN.equals(status);
    }
}
