package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.flow.Conversation;
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
}
