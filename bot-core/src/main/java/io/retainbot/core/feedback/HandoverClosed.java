package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation with a person ended and the chat is the bot's again.
 *
 * @param takenByStaffId who had the conversation (null: closed before anybody took it)
 * @param closedByStaffId who closed it (null: through the API with the admin token)
 */
public record HandoverClosed(long requestId, long customerId, ChannelRef channel, Long takenByStaffId,
                             Long closedByStaffId, Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_closed";

    public HandoverClosed {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
