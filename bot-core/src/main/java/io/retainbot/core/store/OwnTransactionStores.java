package io.retainbot.core.store;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.port.WebChatStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The narrow stores that adapters use on their own, outside the engine's transactions: each call
 * is one short transaction of its own. An adapter gets only these, never the whole transactor.
 */
final class OwnTransactionStores {
    private OwnTransactionStores() {
    }

    static CursorStore cursors(Transactor transactor) {
        return new CursorStore() {
            @Override
            public Optional<String> find(String name) {
                return transactor.inTransaction(session -> session.cursors().find(name));
            }

            @Override
            public void save(String name, String position) {
                transactor.runInTransaction(session -> session.cursors().save(name, position));
            }
        };
    }

    static WebChatStore webChat(Transactor transactor) {
        return new WebChatStore() {
            @Override
            public long append(String sessionId, OutboundMessage message, Instant at) {
                return transactor.inTransaction(session -> session.webChat().append(sessionId, message, at));
            }

            @Override
            public List<WebMessage> after(String sessionId, long afterId, int limit) {
                return transactor.inTransaction(session -> session.webChat().after(sessionId, afterId, limit));
            }
        };
    }
}
