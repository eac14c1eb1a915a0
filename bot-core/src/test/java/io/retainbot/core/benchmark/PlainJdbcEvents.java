package io.retainbot.core.benchmark;

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
 * The benchmark's baseline: for each event the SQL statements the engine issues for it, with the
 * same text and comparable values, in one transaction, with plain JDBC on the same pool and
 * nothing else (no flow, no Jdbi, no JSON mapping; the stored state and reply are fixed strings of
 * the engine's size). Checked against a statement log of the engine ({@code PlainJdbcEventsIT}): a
 * known customer costs six statements and the commit; first contact adds the statements that create
 * and link the customer, and the greeting.
 */
final class PlainJdbcEvents {
    private static final String RECORD_IN_INBOX = """
            insert into inbox (platform, event_id, chat_id, kind, received_at, handled_at, outcome)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (platform, event_id) do nothing
            """;
    private static final String LOCK_CONVERSATION = """
            select platform, chat_id, customer_id, flow, state, data::text as data, handed_over_at, started_at, updated_at,
                   consent_asked_at, offered_buttons::text as offered_buttons
            from conversation where platform = ? and chat_id = ?
            for update
            """;
    private static final String INSERT_IDLE_CONVERSATION = """
            insert into conversation (platform, chat_id, flow, state, started_at, updated_at)
            values (?, ?, 'idle', 'idle', ?, ?)
            on conflict (platform, chat_id) do nothing
            """;
    private static final String CUSTOMER_COLUMNS = """
            c.id, c.display_name, c.form_of_address, c.gender, c.birth_month, c.birth_day, c.birth_year, c.language,
            c.time_zone, c.phone, c.email, c.company, c.industry, c.occupation, c.position, c.needs, c.pain_points,
            c.notes, c.tone, c.source_channel, c.introducer_id, c.tier, c.responsible_staff_id, c.consent_granted,
            c.consent_answered_at, c.consent_source, c.created_at, c.updated_at, c.last_contact_at,
            array(select t.tag from customer_tag t where t.customer_id = c.id order by t.tag) as tags
            """;
    private static final String CUSTOMER_SEEN = """
            with identity as (
                update channel_identity
                set chat_id = ?, display_name = coalesce(nullif(?, ''), display_name),
                    last_seen_at = greatest(last_seen_at, ?), unreachable_since = null, unreachable_reason = null
                where platform = ? and user_id = ?
                returning customer_id
            ), c as (
                update customer set last_contact_at = greatest(last_contact_at, ?)
                where id = (select customer_id from identity)
                returning *
            )
            """ + "select " + CUSTOMER_COLUMNS + " from c";
    private static final String CREATE_CUSTOMER = """
            with c as (
                insert into customer (display_name, form_of_address, gender, birth_month, birth_day, birth_year,
                                      language, time_zone, phone, email, company, industry, occupation, position,
                                      needs, pain_points, notes, tone, source_channel, introducer_id, tier,
                                      responsible_staff_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning *
            )
            """ + "select " + CUSTOMER_COLUMNS + " from c";
    private static final String INSERT_IDENTITY = """
            insert into channel_identity (platform, user_id, customer_id, chat_id, display_name, created_at, last_seen_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (platform, user_id) do nothing
            """;
    private static final String FIND_OWNER = "select customer_id from channel_identity where platform = ? and user_id = ?";
    private static final String LOG_INTERACTION = """
            insert into interaction (customer_id, platform, chat_id, direction, kind, platform_message_id, summary,
                                     occurred_at, complaint_number)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning id
            """;
    private static final String SAVE_CONVERSATION = """
            update conversation
            set customer_id = ?, flow = ?, state = ?, data = cast(? as jsonb),
                handed_over_at = ?, updated_at = ?, consent_asked_at = ?, offered_buttons = cast(? as jsonb)
            where platform = ? and chat_id = ?
            """;
    /** As {@code JdbiOutboxStore}'s enqueue: the row, and the chat's head when it has none or only lower lanes. */
    private static final String ENQUEUE_REPLY = """
            with inserted as (
                insert into outbox (platform, chat_id, lane, message, customer_id, dedupe_key, not_before, created_at,
                                    complaint_number)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (dedupe_key) do nothing
                returning id, platform, chat_id, lane_rank, not_before
            ), head as (
                insert into outbox_chat as chat (platform, chat_id, head_id, lane_rank, due_at)
                select platform, chat_id, id, lane_rank, not_before from inserted
                on conflict (platform, chat_id) do update
                    set head_id = excluded.head_id, lane_rank = excluded.lane_rank,
                        due_at = greatest(excluded.due_at, coalesce(chat.held_until, excluded.due_at))
                    where chat.claimed_by is null and excluded.lane_rank < chat.lane_rank
            )
            select id from inserted
            """;

    private static final String RESERVE_COMPLAINT_NUMBER = "select nextval('complaint_number')";

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
        if (update(connection, RECORD_IN_INBOX, platform, event.eventId(), chatId, event.kind(), event.receivedAt(),
                now, "handled") == 0) {
            return;
        }
        if (!exists(connection, LOCK_CONVERSATION, platform, chatId)) {
            update(connection, INSERT_IDLE_CONVERSATION, platform, chatId, now, now);
            exists(connection, LOCK_CONVERSATION, platform, chatId);
        }
        Long customerId = firstLong(connection, CUSTOMER_SEEN, chatId, "Bench", now, platform, userId, now);
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
        firstLong(connection, LOG_INTERACTION, customerId, platform, chatId, "inbound", event.kind(), null,
                "The parcel arrived late and the box was damaged.", now, complaintNumber);
        Turn turn = Turn.after(event);
        update(connection, SAVE_CONVERSATION, customerId, turn.flow(), turn.state(), turn.data(), null, now, null,
                "[]", platform, chatId);
        if (firstContact) {
            firstLong(connection, ENQUEUE_REPLY, platform, chatId, "reply", GREETING, customerId, null, now, now,
                    complaintNumber);
        }
        firstLong(connection, ENQUEUE_REPLY, platform, chatId, "reply", turn.reply(), customerId, null, now, now,
                complaintNumber);
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
