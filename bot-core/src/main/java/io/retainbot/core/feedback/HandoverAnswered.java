package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The person talking with a customer wrote to them (the words themselves are kept with the request, as a
 * {@link HandoverMessage}, and in the interaction log once sent).
 *
 * @param photos how many photos went with the words
 */
public record HandoverAnswered(long requestId, long customerId, ChannelRef channel, long staffId, int photos,
                               Instant occurredAt) implements DomainEvent {
    public static final String KIND = "handover_answered";

    public HandoverAnswered {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
