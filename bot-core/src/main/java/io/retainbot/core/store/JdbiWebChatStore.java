package io.retainbot.core.store;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.port.CustomerStore;
import io.retainbot.core.port.WebChatStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiWebChatStore implements WebChatStore {
    private final WebChatDao dao;
    private final CustomerStore customers;

    JdbiWebChatStore(WebChatDao dao, CustomerStore customers) {
        this.dao = dao;
        this.customers = customers;
    }

    @Override
    public Optional<Customer> visitor(String chatId) {
        return customers.findByIdentity(Platform.WEB, chatId);
    }

    @Override
    public void openSession(String chatId, Instant at) {
        dao.openSession(chatId, at);
    }

    @Override
    public boolean sessionExists(String chatId) {
        return dao.sessionExists(chatId);
    }

    @Override
    public void chooseLanguage(String chatId, String language) {
        dao.chooseLanguage(chatId, language);
    }

    @Override
    public Optional<String> sessionLanguage(String chatId) {
        return dao.language(chatId);
    }

    @Override
    public long append(String chatId, OutboundMessage message, Instant at) {
        return dao.insert(chatId, Json.write(message), at);
    }

    @Override
    public boolean appendVisitor(String chatId, String eventId, VisitorLine line, Instant at) {
        return dao.insertVisitor(chatId, eventId, Json.write(line), at) == 1;
    }

    @Override
    public Optional<OutboundMessage> botMessage(String chatId, long id) {
        return dao.botMessage(chatId, id).map(json -> Json.read(json, OutboundMessage.class));
    }

    @Override
    public List<WebEntry> after(String chatId, long afterId, int limit) {
        return dao.after(chatId, afterId, limit).stream().map(JdbiWebChatStore::entry).toList();
    }

    private static WebEntry entry(WebChatDao.Row row) {
        if (row.author().equals("visitor")) {
            return new WebEntry.VisitorSaid(row.id(), row.eventId(), Json.read(row.message(), VisitorLine.class),
                    row.sentAt());
        }
        return new WebEntry.BotSaid(row.id(), Json.read(row.message(), OutboundMessage.class), row.sentAt());
    }
}
