package io.retainbot.core.store;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.port.WebChatStore;
import java.time.Instant;
import java.util.List;

final class JdbiWebChatStore implements WebChatStore {
    private final WebChatDao dao;

    JdbiWebChatStore(WebChatDao dao) {
        this.dao = dao;
    }

    @Override
    public long append(String sessionId, OutboundMessage message, Instant at) {
        return dao.insert(sessionId, Json.write(message), at);
    }

    @Override
    public List<WebMessage> after(String sessionId, long afterId, int limit) {
        return dao.after(sessionId, afterId, limit).stream()
                .map(row -> new WebMessage(row.id(), Json.read(row.message(), OutboundMessage.class), row.sentAt()))
                .toList();
    }
}
