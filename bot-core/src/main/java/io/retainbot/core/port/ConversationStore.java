package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.flow.HandoverFlow;
import java.util.Optional;

/** Conversation state, one row per chat. */
public interface ConversationStore {
    /**
     * Returns the chat's conversation, creating an idle one if there is none, and locks it until the
     * transaction ends: events of one chat are handled one at a time.
     */
    Conversation lock(ChannelRef channel, java.time.Instant now);

    Optional<Conversation> find(ChannelRef channel);

    void save(Conversation conversation);

    /**
     * Locks the chat's conversation (as {@link #lock}) and, if it was handed over to a person, makes it the
     * bot's again: the waiting-for-a-person flow ends, any other flow keeps its place.
     */
    default void handBack(ChannelRef channel, java.time.Instant now) {
        Conversation conversation = lock(channel, now);
        if (conversation.handedOverAt() == null) {
            return;
        }
        Conversation back = conversation.handedBack(now);
        save(HANDOVER_FLOW.equals(back.flow()) ? back.idle(now) : back);
    }

    /**
     * Locks the chat's conversation (as {@link #lock}) and puts it with the person {@code person}: what the
     * customer writes now goes to them, until they or the customer hand the chat back to the bot.
     */
    default void withPerson(ChannelRef channel, String person, java.time.Instant now) {
        Conversation conversation = lock(channel, now);
        save(conversation.inState(HandoverFlow.NAME, HandoverFlow.WITH_PERSON,
                FlowData.EMPTY.with(HandoverFlow.PERSON, person), now));
    }

    /** The flow that waits for a person ({@code HandoverFlow.NAME}). */
    String HANDOVER_FLOW = HandoverFlow.NAME;
}
