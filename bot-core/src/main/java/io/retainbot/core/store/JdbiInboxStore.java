package io.retainbot.core.store;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.port.InboxStore;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

final class JdbiInboxStore implements InboxStore {
    static final String RECORD = """
            insert into inbox (platform, event_id, chat_id, kind, received_at, handled_at, outcome)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (platform, event_id) do nothing
            """;

    private final JdbcStatements statements;
    private final Supplier<InboxDao> dao;

    JdbiInboxStore(JdbcStatements statements, Supplier<InboxDao> dao) {
        this.statements = statements;
        this.dao = dao;
    }

    @Override
    public boolean record(Platform platform, String eventId, ChannelRef channel, String kind, Instant receivedAt,
                          Instant handledAt, Outcome outcome) {
        return statements.update(RECORD, platform.code(), eventId, channel.chatId(), kind, receivedAt, handledAt,
                outcome.name().toLowerCase(Locale.ROOT)) == 1;
    }

    @Override
    public boolean recordScheduled(String eventId, String chatId, Instant dueAt, Instant handledAt, Outcome outcome) {
        return dao.get().insertScheduled(eventId, chatId, dueAt, handledAt, outcome.name().toLowerCase(Locale.ROOT)) == 1;
    }

    @Override
    public boolean containsScheduled(String eventId) {
        return dao.get().existsScheduled(eventId);
    }

    @Override
    public boolean contains(Platform platform, String eventId) {
        return dao.get().exists(platform.code(), eventId);
    }

    @Override
    public int purgeHandledBefore(Instant cutoff) {
        return dao.get().deleteHandledBefore(cutoff);
    }
}
