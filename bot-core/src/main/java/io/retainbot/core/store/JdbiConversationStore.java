package io.retainbot.core.store;

import static io.retainbot.core.store.JdbcStatements.bigint;
import static io.retainbot.core.store.JdbcStatements.instant;
import static io.retainbot.core.store.JdbcStatements.nullableLong;
import static io.retainbot.core.store.JdbcStatements.text;
import static io.retainbot.core.store.JdbcStatements.timestamp;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.port.ConversationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

final class JdbiConversationStore implements ConversationStore {
    /** The columns {@link #row} reads, in its order. */
    static final String COLUMNS = """
            platform, chat_id, customer_id, flow, state, data::text as data, handed_over_at, started_at, updated_at,
                   consent_asked_at, offered_buttons::text as offered_buttons
            """;
    static final String LOCK = "select " + COLUMNS + """
            from conversation where platform = ? and chat_id = ?
            for update
            """;
    static final String INSERT_IDLE = """
            insert into conversation (platform, chat_id, flow, state, started_at, updated_at)
            values (?, ?, 'idle', 'idle', ?, ?)
            on conflict (platform, chat_id) do nothing
            """;
    /**
     * The data and the offered labels are kept as they are when given as null: an event that changes neither
     * (most turns repeat the labels a chat has seen) sends and parses no JSON for them, and PostgreSQL logs only
     * the columns of the row that changed.
     */
    static final String SAVE = """
            update conversation
            set customer_id = ?, flow = ?, state = ?, data = coalesce(cast(? as jsonb), data), handed_over_at = ?,
                updated_at = ?, consent_asked_at = ?, offered_buttons = coalesce(cast(? as jsonb), offered_buttons)
            where platform = ? and chat_id = ?
            """;
    /** How many parameters {@link #SAVE} takes. */
    static final int SAVE_PARAMETERS = 10;

    private final JdbcStatements statements;
    private final Supplier<ConversationDao> dao;
    private final Runnable saved;

    /** @param saved told after each save (what others in the transaction read of the row may be out of date) */
    JdbiConversationStore(JdbcStatements statements, Supplier<ConversationDao> dao, Runnable saved) {
        this.statements = statements;
        this.dao = dao;
        this.saved = saved;
    }

    /**
     * Locks the chat's row, creating it idle on first contact. A known chat (nearly every event)
     * costs one statement; a new one waits for a concurrent creator's commit in the insert.
     */
    @Override
    public Conversation lock(ChannelRef channel, Instant now) {
        String platform = channel.platform().code();
        Optional<ConversationDao.Row> row = statements.first(LOCK, JdbiConversationStore::row, platform,
                channel.chatId());
        if (row.isEmpty()) {
            statements.update(INSERT_IDLE, platform, channel.chatId(), now, now);
            row = statements.first(LOCK, JdbiConversationStore::row, platform, channel.chatId());
        }
        return toConversation(row.orElseThrow(() -> new IllegalStateException("conversation " + channel
                + " was neither found nor created")));
    }

    @Override
    public Optional<Conversation> find(ChannelRef channel) {
        return dao.get().find(channel.platform().code(), channel.chatId()).map(JdbiConversationStore::toConversation);
    }

    @Override
    public void save(Conversation conversation) {
        Object[] parameters = new Object[SAVE_PARAMETERS];
        saveParameters(conversation, null, parameters, 0);
        statements.update(SAVE, parameters);
        saved.run();
    }

    /**
     * Puts {@link #SAVE}'s parameters for {@code conversation} into {@code parameters}, from index {@code from};
     * the data and the offered labels only where they differ from {@code stored}, the row as this transaction
     * last read or wrote it (null: unknown, both are written).
     */
    static void saveParameters(Conversation conversation, Conversation stored, Object[] parameters, int from) {
        int at = from;
        parameters[at++] = bigint(conversation.customerId());
        parameters[at++] = conversation.flow();
        parameters[at++] = conversation.state();
        parameters[at++] = text(stored != null && stored.data().equals(conversation.data()) ? null
                : StateJson.write(conversation.data()));
        parameters[at++] = timestamp(conversation.handedOverAt());
        parameters[at++] = conversation.updatedAt();
        parameters[at++] = timestamp(conversation.consentAskedAt());
        parameters[at++] = text(stored != null && sameInOrder(stored.offeredButtons(), conversation.offeredButtons())
                ? null : StateJson.writeLabels(conversation.offeredButtons()));
        parameters[at++] = conversation.channel().platform().code();
        parameters[at] = conversation.channel().chatId();
    }

    private static ConversationDao.Row row(ResultSet row) throws SQLException {
        return row(row, 1);
    }

    /** The conversation in the {@link #COLUMNS} that start at column {@code first}. */
    static ConversationDao.Row row(ResultSet row, int first) throws SQLException {
        int at = first - 1;
        return new ConversationDao.Row(row.getString(at + 1), row.getString(at + 2), nullableLong(row, at + 3),
                row.getString(at + 4), row.getString(at + 5), row.getString(at + 6), instant(row, at + 7),
                instant(row, at + 8), instant(row, at + 9), instant(row, at + 10), row.getString(at + 11));
    }

    static Conversation toConversation(ConversationDao.Row row) {
        return new Conversation(new ChannelRef(Platform.fromCode(row.platform()), row.chatId()), row.customerId(),
                row.flow(), row.state(), StateJson.readData(row.data()), row.handedOverAt(), row.startedAt(),
                row.updatedAt(), row.consentAskedAt(), StateJson.readLabels(row.offeredButtons()));
    }

    /** Whether two label maps hold the same pairs in the same order. */
    private static boolean sameInOrder(Map<String, String> some, Map<String, String> other) {
        if (some == other) {
            return true;
        }
        if (some.size() != other.size()) {
            return false;
        }
        Iterator<Map.Entry<String, String>> others = other.entrySet().iterator();
        for (Map.Entry<String, String> entry : some.entrySet()) {
            if (!entry.equals(others.next())) {
                return false;
            }
        }
        return true;
    }
}
