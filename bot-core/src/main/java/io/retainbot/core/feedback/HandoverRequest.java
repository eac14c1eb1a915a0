package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;

/**
 * A customer asked to talk to a person: open until a staff member takes it, taken while they talk,
 * closed when they hand back to the bot, cancelled when the customer no longer needs a person.
 *
 * @param takenByStaffId who took it, null while nobody has
 */
public record HandoverRequest(long id, long customerId, ChannelRef channel, String status, Instant createdAt,
                              Long takenByStaffId) {
    public static final String OPEN = "open";
    public static final String TAKEN = "taken";
    public static final String CLOSED = "closed";
    public static final String CANCELLED = "cancelled";

    public boolean isTaken() {
        return TAKEN.equals(status);
    }

    public boolean isOver() {
        return CLOSED.equals(status) || CANCELLED.equals(status);
    }
}
