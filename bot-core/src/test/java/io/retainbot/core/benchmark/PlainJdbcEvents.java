package io.retainbot.core.benchmark;

import static io.retainbot.core.store.HotPathSql.ACCEPT;
import static io.retainbot.core.store.HotPathSql.CREATE_CUSTOMER;
import static io.retainbot.core.store.HotPathSql.CUSTOMER_SEEN;
import static io.retainbot.core.store.HotPathSql.FINISH;
import static io.retainbot.core.store.HotPathSql.FIND_OWNER;
import static io.retainbot.core.store.HotPathSql.INSERT_IDENTITY;
import static io.retainbot.core.store.HotPathSql.INSERT_IDLE_CONVERSATION;
import static io.retainbot.core.store.HotPathSql.LOCK_CONVERSATION;
import static io.retainbot.core.store.HotPathSql.RESERVE_COMPLAINT_NUMBER;

import io.retainbot.core.chat.InboundEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The benchmark's baseline: for each event the SQL statements the engine issues for it (the stores'
 * own text, from {@link io.retainbot.core.store.HotPathSql}) with comparable values, in one
 * transaction, with plain JDBC on the same pool and nothing else (no flow, no Jdbi, no JSON mapping;
 * the stored state and reply are fixed strings of the engine's size). Checked against a statement log of the engine ({@code PlainJdbcEventsIT}): a
 * known customer costs two statements (accept, finish) and the commit; first contact adds the statements that create
 * and link the customer, and the greeting.
 */
final class PlainJdbcEvents {
    /** A newcomer is greeted before the first answer. */
    private static final String GREETING = "{\"text\": \"Hello Bench, welcome! I am the assistant of our customer"
            + " care. I can take a complaint, tell you where one stands, or get you a person.\", \"type\": \"text\","
            + " \"buttons\": []}";
    private static final String NO_DATA = "{\"files\": [], \"values\": {}}";
    private static final String CATEGORY_QUESTION = "{\"text\": \"I am sorry something went wrong. What is it"
            + " about?\", \"type\": \"text\", \"buttons\": [[{\"data\": \"intake:cat:delivery\", \"label\":"
            + " \"Delivery\"}, {\"data\": \"intake:cat:product\", \"label\": \"Product\"}], [{\"data\":"
            + " \"intake:cat:service\", \"label\": \"Service\"}, {\"data\": \"intake:cat:billing\", \"label\":"
            + " \"Billing\"}], [{\"data\": \"intake:cat:other\", \"label\": \"Other\"}]]}";
    private static final String DESCRIPTION_QUESTION = "{\"text\": \"Please describe what happened (Delivery)."
            + " Take all the room you need.\", \"type\": \"text\", \"buttons\": []}";
    private static final String REFERENCE_QUESTION = "{\"text\": \"Do you have an order or reference number?"
            + " Please type it, or skip this step.\", \"type\": \"text\", \"buttons\": [[{\"data\":"
            + " \"intake:skip\", \"label\": \"Skip\"}]]}";
    private static final String CANCELLED = "{\"text\": \"Done, I have stopped that. Nothing was filed.\","
            + " \"type\": \"text\", \"buttons\": [[{\"data\": \"menu:complaint\", \"label\": \"File a"
            + " complaint\"}, {\"data\": \"menu:status\", \"label\": \"My complaints\"}], [{\"data\":"
            + " \"menu:suggest\", \"label\": \"Make a suggestion\"}, {\"data\": \"menu:human\", \"label\":"
            + " \"Talk to a person\"}]]}";

    /** What the engine stores after a turn of the benchmark's conversation: flow, state, data and reply. */
    private record Turn(String flow, String state, String data, String reply) {
        static Turn after(InboundEvent event) {
            if (event instanceof InboundEvent.CommandReceived command && command.name().equals("complaint")) {
                return new Turn("intake", "AWAITING_CATEGORY", NO_DATA, CATEGORY_QUESTION);
            }
            if (event instanceof InboundEvent.ButtonPressed) {
                return new Turn("intake", "AWAITING_DESCRIPTION",
                        "{\"files\": [], \"values\": {\"category\": \"delivery\"}}", DESCRIPTION_QUESTION);
            }
            if (event instanceof InboundEvent.TextReceived text) {
                return new Turn("intake", "AWAITING_ORDER_REFERENCE", "{\"files\": [], \"values\": {\"category\":"
                        + " \"delivery\", \"description\": \"" + text.text() + "\"}}", REFERENCE_QUESTION);
            }
            return new Turn("idle", "idle", NO_DATA, CANCELLED);
        }
    }

    /**
     * A parameter that may be null, bound with its type as the stores bind it (a null of no type in one
     * execution and a value in the next makes PostgreSQL parse and plan the statement again).
     */
    private record Typed(Object value, int sqlType) {
    }

    /** How many columns the accept statement answers for the conversation, after its first. */
    private static final int CONVERSATION_COLUMNS = 11;

    private final DataSource dataSource;

    PlainJdbcEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void handle(InboundEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                handle(connection, event);
                connection.commit();
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("plain JDBC event failed: " + e.getMessage(), e);
        }
    }

    private void handle(Connection connection, InboundEvent event) throws SQLException {
        String platform = event.platform().code();
        String chatId = event.channel().chatId();
        String userId = event.sender().platformUserId();
        Instant now = Instant.now();
        Long customerId;
        boolean conversationLocked;
        try (PreparedStatement statement = prepare(connection, ACCEPT, platform, event.eventId(), chatId, event.kind(),
                event.receivedAt(), now, platform, chatId, chatId, "Bench", now, platform, userId, now);
             ResultSet row = statement.executeQuery()) {
            row.next();
            if (!row.getBoolean(1)) {
                return;
            }
            conversationLocked = row.getString(2) != null;
            long id = row.getLong(2 + CONVERSATION_COLUMNS);
            customerId = row.wasNull() ? null : id;
        }
        if (!conversationLocked && !exists(connection, LOCK_CONVERSATION, platform, chatId)) {
            update(connection, INSERT_IDLE_CONVERSATION, platform, chatId, now, now);
            exists(connection, LOCK_CONVERSATION, platform, chatId);
        }
        if (!conversationLocked) {
            customerId = firstLong(connection, CUSTOMER_SEEN, chatId, "Bench", now, platform, userId, now);
        }
        boolean firstContact = customerId == null;
        if (firstContact) {
            customerId = firstLong(connection, CREATE_CUSTOMER, "Bench", null, null, null, null, null, "en", null,
                    null, null, null, null, null, null, null, null, null, "formal", platform, null, null, null,
                    now, now);
            update(connection, INSERT_IDENTITY, platform, userId, customerId, chatId, "Bench", now, now);
            firstLong(connection, FIND_OWNER, platform, userId);
            exists(connection, CUSTOMER_SEEN, chatId, "Bench", now, platform, userId, now);
        }
        Long complaintNumber = startsIntake(event) ? firstLong(connection, RESERVE_COMPLAINT_NUMBER) : null;
        Turn turn = Turn.after(event);
        String[] replies = firstContact ? new String[] {GREETING, turn.reply()} : new String[] {turn.reply()};
        update(connection, FINISH, customerId, platform, chatId, event.kind(), new Typed(null, Types.VARCHAR),
                "The parcel arrived late and the box was damaged.", now, new Typed(complaintNumber, Types.BIGINT),
                platform, chatId, customerId, now, now, new Typed(complaintNumber, Types.BIGINT), replies,
                customerId, turn.flow(), turn.state(), turn.data(), new Typed(null, Types.TIMESTAMP_WITH_TIMEZONE),
                now, new Typed(null, Types.TIMESTAMP_WITH_TIMEZONE), "[]", platform, chatId);
    }

    /** The engine reserves the complaint's number when filing starts, so what is said can be linked to it. */
    private static boolean startsIntake(InboundEvent event) {
        return event instanceof InboundEvent.CommandReceived command && command.name().equals("complaint");
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    private static Long firstLong(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Typed typed) {
                if (typed.value() == null) {
                    statement.setNull(i + 1, typed.sqlType());
                    continue;
                }
                value = typed.value();
            }
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
