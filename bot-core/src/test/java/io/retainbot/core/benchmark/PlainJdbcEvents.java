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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The benchmark's baseline: for each event the SQL statements the engine issues for it (the stores'
 * own text, from {@link io.retainbot.core.store.HotPathSql}) with comparable values, in one
 * transaction, with plain JDBC on the same pool and nothing else (no flow, no Jdbi, no JSON mapping;
 * the stored state, button labels and reply are fixed strings of what the engine stores, and like the engine it
 * sends the data and the labels only when they changed). Checked against a statement log of the engine ({@code PlainJdbcEventsIT}): a
 * known customer costs two statements (accept, finish) and the commit; first contact adds the statements that create
 * and link the customer, and the greeting.
 */
final class PlainJdbcEvents {
    /** A newcomer is greeted before the first answer. */
    private static final String GREETING = reply("Hello, Bench, and welcome to RetainBot Demo Shop. I am here to help"
            + " with anything after your purchase.");
    private static final String NO_DATA = "{\"files\": [], \"values\": {}}";
    private static final List<String> CATEGORY_BUTTONS = List.of("intake:cat:delivery", "Delivery",
            "intake:cat:product", "Product", "intake:cat:service", "Service", "intake:cat:billing", "Billing",
            "intake:cat:other", "Other");
    private static final List<String> SKIP_BUTTON = List.of("intake:skip", "Skip");
    private static final List<String> MENU_BUTTONS = List.of("menu:complaint", "File a complaint", "menu:status",
            "My complaints", "menu:suggest", "Make a suggestion", "menu:human", "Talk to a person", "menu:language",
            "Language");
    private static final List<String> CONSENT_BUTTONS = List.of("consent:yes", "Yes, please", "consent:no",
            "No, thank you");
    private static final String CATEGORY_QUESTION = reply("I am sorry something went wrong. What is it about?",
            CATEGORY_BUTTONS);
    private static final String DESCRIPTION_QUESTION = reply("Please describe what happened (Delivery). Take all the"
            + " room you need.");
    private static final String REFERENCE_QUESTION = reply("Do you have an order or reference number? Please type"
            + " it, or skip this step.", SKIP_BUTTON);
    private static final String CANCELLED = reply("Done, I have stopped that. Nothing was filed.", MENU_BUTTONS);
    /** Asked once per chat, after its first complaint was cancelled (a calm moment). */
    private static final String CONSENT_QUESTION = reply("May RetainBot Demo Shop send you birthday greetings,"
            + " member-day wishes and occasional offers here? You can change your mind at any time with /stop.",
            CONSENT_BUTTONS);

    /**
     * What the engine stores after a turn of the benchmark's conversation: flow, state, data, replies and their
     * buttons (as data and label, one after the other).
     */
    private record Turn(String flow, String state, String data, List<String> replies, List<String> buttons) {
        static Turn after(InboundEvent event, String intake, boolean consentAsked) {
            if (event instanceof InboundEvent.CommandReceived command && command.name().equals("complaint")) {
                return new Turn("intake", "AWAITING_CATEGORY", data(intake), List.of(CATEGORY_QUESTION),
                        CATEGORY_BUTTONS);
            }
            if (event instanceof InboundEvent.ButtonPressed) {
                return new Turn("intake", "AWAITING_DESCRIPTION", data(intake + ", \"category\": \"delivery\""),
                        List.of(DESCRIPTION_QUESTION), List.of());
            }
            if (event instanceof InboundEvent.TextReceived text) {
                return new Turn("intake", "AWAITING_ORDER_REFERENCE", data(intake + ", \"category\": \"delivery\","
                        + " \"description\": \"" + text.text() + "\""), List.of(REFERENCE_QUESTION), SKIP_BUTTON);
            }
            if (consentAsked) {
                return new Turn("idle", "idle", NO_DATA, List.of(CANCELLED), MENU_BUTTONS);
            }
            List<String> buttons = new ArrayList<>(MENU_BUTTONS);
            buttons.addAll(CONSENT_BUTTONS);
            return new Turn("idle", "idle", NO_DATA, List.of(CANCELLED, CONSENT_QUESTION), buttons);
        }

        private static String data(String values) {
            return "{\"files\": [], \"values\": {" + values + "}}";
        }
    }

    /**
     * A chat's conversation as the last event left it: the values that name its complaint in progress, its data
     * and the labels of the buttons offered in it (as the engine keeps them: in the order first offered, fewer than
     * it forgets any of).
     */
    private record Stored(String intake, String data, Map<String, String> labels) {
        String labelsJson() {
            StringBuilder json = new StringBuilder("[");
            labels.forEach((data, label) -> json.append(json.length() > 1 ? ", " : "").append("[\"").append(data)
                    .append("\", \"").append(label).append("\"]"));
            return json.append(']').toString();
        }
    }

    /** Each chat's conversation as stored, for the columns the engine writes only when they changed. */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    /** A text message as the engine queues it, with rows of two buttons. */
    private static String reply(String text, List<String> buttons) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < buttons.size(); i += 2) {
            rows.append(i % 4 == 0 ? (i == 0 ? "[" : "], [") : ", ").append("{\"data\": \"").append(buttons.get(i))
                    .append("\", \"label\": \"").append(buttons.get(i + 1)).append("\"}");
        }
        return "{\"text\": \"" + text + "\", \"type\": \"text\", \"photo\": null, \"topic\": \"\", \"buttons\": ["
                + (rows.isEmpty() ? "" : rows + "]") + "], \"replyTo\": \"\"}";
    }

    private static String reply(String text) {
        return reply(text, List.of());
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
        Stored before = conversationLocked ? stored.get(chatId) : null;
        Map<String, String> labels = new LinkedHashMap<>(before == null ? Map.of() : before.labels());
        String intake = complaintNumber != null ? "\"ref\": \"C-" + complaintNumber + "\", \"startedAt\": \"" + now + "\""
                : before == null ? "" : before.intake();
        Turn turn = Turn.after(event, intake, labels.containsKey("consent:yes"));
        boolean newLabels = before == null;
        for (int i = 0; i < turn.buttons().size(); i += 2) {
            newLabels |= !turn.buttons().get(i + 1).equals(labels.put(turn.buttons().get(i), turn.buttons().get(i + 1)));
        }
        Stored after = new Stored(intake, turn.data(), labels);
        stored.put(chatId, after);
        List<String> queued = new ArrayList<>(turn.replies());
        if (firstContact) {
            queued.add(0, GREETING);
        }
        String[] replies = queued.toArray(String[]::new);
        update(connection, FINISH, customerId, platform, chatId, event.kind(), new Typed(null, Types.VARCHAR),
                "The parcel arrived late and the box was damaged.", now, new Typed(complaintNumber, Types.BIGINT),
                platform, chatId, customerId, now, now, new Typed(complaintNumber, Types.BIGINT), replies,
                customerId, turn.flow(), turn.state(),
                new Typed(before != null && before.data().equals(turn.data()) ? null : turn.data(), Types.VARCHAR),
                new Typed(null, Types.TIMESTAMP_WITH_TIMEZONE), now, new Typed(null, Types.TIMESTAMP_WITH_TIMEZONE),
                new Typed(newLabels ? after.labelsJson() : null, Types.VARCHAR), platform, chatId);
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
