package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/** A staff member took a customer's request to talk to a person: from now on a person answers in that chat. */
public record HandoverTaken(long requestId, long customerId, ChannelRef channel, long staffId, Instant occurredAt)
        implements DomainEvent {
    public static final String KIND = "handover_taken";

    public HandoverTaken {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
