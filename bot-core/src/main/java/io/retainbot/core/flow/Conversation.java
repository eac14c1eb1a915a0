package io.retainbot.core.flow;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one chat stands: which customer it belongs to, which flow and state it is in, and what
 * that flow remembers. Persisted by name, so a restart continues every conversation.
 *
 * @param customerId   the customer this chat belongs to, null until the first event linked one
 * @param flow         the running flow's name ({@code idle} when none)
 * @param state        the flow's state enum constant's name
 * @param handedOverAt when the customer asked for a person, null when not handed over
 */
public record Conversation(ChannelRef channel, Long customerId, String flow, String state, FlowData data,
                           Instant handedOverAt, Instant startedAt, Instant updatedAt) {
    public static final String IDLE = "idle";

    public Conversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(state, "state");
        data = Objects.requireNonNullElse(data, FlowData.EMPTY);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Conversation fresh(ChannelRef channel, Instant now) {
        return new Conversation(channel, null, IDLE, IDLE, FlowData.EMPTY, null, now, now);
    }

    public boolean isIdle() {
        return IDLE.equals(flow);
    }

    public Optional<Long> customer() {
        return Optional.ofNullable(customerId);
    }

    public Conversation withCustomer(long id) {
        return new Conversation(channel, id, flow, state, data, handedOverAt, startedAt, updatedAt);
    }

    public Conversation inState(String newFlow, String newState, FlowData newData, Instant now) {
        return new Conversation(channel, customerId, newFlow, newState, newData, handedOverAt, startedAt, now);
    }

    public Conversation idle(Instant now) {
        return inState(IDLE, IDLE, FlowData.EMPTY, now);
    }

    public Conversation handedOver(Instant at) {
        return new Conversation(channel, customerId, flow, state, data, at, startedAt, at);
    }
}
