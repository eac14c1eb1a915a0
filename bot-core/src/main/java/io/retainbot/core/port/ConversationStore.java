package io.retainbot.core.port;

/** Filled in with the conversation engine. */
public interface ConversationStore {
}
