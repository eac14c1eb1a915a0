package io.retainbot.core.store;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.PhotoStore;
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
            public void openSession(String chatId, Instant at) {
                transactor.runInTransaction(session -> session.webChat().openSession(chatId, at));
            }

            @Override
            public boolean sessionExists(String chatId) {
                return transactor.inTransaction(session -> session.webChat().sessionExists(chatId));
            }

            @Override
            public void chooseLanguage(String chatId, String language) {
                transactor.runInTransaction(session -> session.webChat().chooseLanguage(chatId, language));
            }

            @Override
            public Optional<String> sessionLanguage(String chatId) {
                return transactor.inTransaction(session -> session.webChat().sessionLanguage(chatId));
            }

            @Override
            public long append(String chatId, OutboundMessage message, Instant at) {
                return transactor.inTransaction(session -> session.webChat().append(chatId, message, at));
            }

            @Override
            public boolean appendVisitor(String chatId, String eventId, VisitorLine line, Instant at) {
                return transactor.inTransaction(session -> session.webChat().appendVisitor(chatId, eventId, line, at));
            }

            @Override
            public Optional<OutboundMessage> botMessage(String chatId, long id) {
                return transactor.inTransaction(session -> session.webChat().botMessage(chatId, id));
            }

            @Override
            public Optional<Customer> visitor(String chatId) {
                return transactor.inTransaction(session -> session.webChat().visitor(chatId));
            }

            @Override
            public List<WebEntry> after(String chatId, long afterId, int limit) {
                return transactor.inTransaction(session -> session.webChat().after(chatId, afterId, limit));
            }
        };
    }

    static FileStore files(Transactor transactor) {
        return new FileStore() {
            @Override
            public StoredFile save(NewFile file) {
                return transactor.inTransaction(session -> session.files().save(file));
            }

            @Override
            public Optional<StoredFile> find(String key) {
                return transactor.inTransaction(session -> session.files().find(key));
            }
        };
    }

    static PhotoStore photos(Transactor transactor) {
        return new PhotoStore() {
            @Override
            public StoredPhoto save(NewPhoto photo) {
                return transactor.inTransaction(session -> session.photos().save(photo));
            }

            @Override
            public Optional<StoredPhoto> find(String key) {
                return transactor.inTransaction(session -> session.photos().find(key));
            }

            @Override
            public List<StoredPhoto> list() {
                return transactor.inTransaction(session -> session.photos().list());
            }

            @Override
            public boolean inUse(String key) {
                return transactor.inTransaction(session -> session.photos().inUse(key));
            }

            @Override
            public boolean delete(String key) {
                return transactor.inTransaction(session -> session.photos().delete(key));
            }
        };
    }
}
