package io.retainbot.core.port;

import io.retainbot.core.chat.OutboundMessage;
import java.time.Instant;
import java.util.List;

/** What the bot said to web chat visitors, read back by the chat page. */
public interface WebChatStore {
    long append(String sessionId, OutboundMessage message, Instant at);

    /** Messages for the session with an id above {@code afterId}, oldest first. */
    List<WebMessage> after(String sessionId, long afterId, int limit);

    record WebMessage(long id, OutboundMessage message, Instant sentAt) {
    }
}
