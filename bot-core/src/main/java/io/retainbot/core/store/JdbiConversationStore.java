package io.retainbot.core.store;

import static io.retainbot.core.store.JdbcStatements.bigint;
import static io.retainbot.core.store.JdbcStatements.instant;
import static io.retainbot.core.store.JdbcStatements.nullableLong;
import static io.retainbot.core.store.JdbcStatements.timestamp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.port.ConversationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

final class JdbiConversationStore implements ConversationStore {
    /** Button labels as [data, label] pairs, oldest first: jsonb keeps the order of arrays, not of object keys. */
    private static final TypeReference<List<List<String>>> LABELS = new TypeReference<>() {
    };
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
    static final String SAVE = """
            update conversation
            set customer_id = ?, flow = ?, state = ?, data = cast(? as jsonb), handed_over_at = ?, updated_at = ?,
                consent_asked_at = ?, offered_buttons = cast(? as jsonb)
            where platform = ? and chat_id = ?
            """;
    /** How many parameters {@link #SAVE} takes. */
    static final int SAVE_PARAMETERS = 10;

    private final JdbcStatements statements;
    private final Supplier<ConversationDao> dao;

    JdbiConversationStore(JdbcStatements statements, Supplier<ConversationDao> dao) {
        this.statements = statements;
        this.dao = dao;
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
        saveParameters(conversation, parameters, 0);
        statements.update(SAVE, parameters);
    }

    /** Puts {@link #SAVE}'s parameters for {@code conversation} into {@code parameters}, from index {@code from}. */
    static void saveParameters(Conversation conversation, Object[] parameters, int from) {
        int at = from;
        parameters[at++] = bigint(conversation.customerId());
        parameters[at++] = conversation.flow();
        parameters[at++] = conversation.state();
        parameters[at++] = Json.write(conversation.data());
        parameters[at++] = timestamp(conversation.handedOverAt());
        parameters[at++] = conversation.updatedAt();
        parameters[at++] = timestamp(conversation.consentAskedAt());
        parameters[at++] = Json.write(conversation.offeredButtons().entrySet().stream()
                .map(entry -> List.of(entry.getKey(), entry.getValue())).toList());
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
                row.flow(), row.state(), Json.read(row.data(), FlowData.class), row.handedOverAt(), row.startedAt(),
                row.updatedAt(), row.consentAskedAt(), labels(row.offeredButtons()));
    }

    private static Map<String, String> labels(String json) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<String> pair : Json.read(json, LABELS)) {
            if (pair.size() == 2) {
                labels.put(pair.get(0), pair.get(1));
            }
        }
        return labels;
    }
}
