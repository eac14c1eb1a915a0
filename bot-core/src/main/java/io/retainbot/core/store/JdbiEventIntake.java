package io.retainbot.core.store;

import static io.retainbot.core.store.JdbcStatements.bigint;
import static io.retainbot.core.store.JdbcStatements.text;
import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.port.EventIntake;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The engine's two statements per customer event, as plain JDBC on the transaction's connection. Each
 * chains, in one data-modifying {@code with}, what the inbox, conversation, customer, interaction and outbox
 * stores run as separate statements: per event a round trip to PostgreSQL costs about as much CPU as the
 * work it carries (README, Performance).
 *
 * <p>{@link #ACCEPT} under READ COMMITTED: each step runs only when the one before found its row (the lock
 * only for an event new to the inbox, the identity only under the lock), so the locks are taken in the
 * stores' order, inbox, conversation, identity, customer. A conversation locked after waiting for another
 * event's commit is answered as that commit left it (PostgreSQL re-reads a locked row), and so is the
 * customer, since it is read from its own update; nothing is read from the statement's older snapshot.
 */
final class JdbiEventIntake implements EventIntake {
    /**
     * Parameters: platform, event, chat, kind, received, now (inbox); platform, chat (conversation); chat,
     * display name, now, platform, user, now (seen). Answers one row: recorded, the conversation's columns (all
     * null when locked none), the customer's columns (null when marked none).
     */
    static final String ACCEPT = """
            with recorded as (
                insert into inbox (platform, event_id, chat_id, kind, received_at, handled_at, outcome)
                values (?, ?, ?, ?, ?, ?, 'handled')
                on conflict (platform, event_id) do nothing
                returning event_id
            ), locked as (
                select""" + " " + JdbiConversationStore.COLUMNS + """
                from conversation
                where platform = ? and chat_id = ? and exists (select from recorded)
                for update
            ),""" + " " + JdbiCustomerStore.markSeen(" and exists (select from locked)") + """
            select exists (select from recorded), locked.*,""" + " " + CustomerDao.COLUMNS + """
            from (values (1)) as event
            left join locked on true
            left join c on true
            """;
    /**
     * Parameters: the interaction's customer, platform, chat, kind, message id, summary, time, complaint; the
     * replies' platform, chat, customer, time, time, complaint and texts (an array, in order); the
     * conversation's columns as {@link JdbiConversationStore#SAVE} takes them. The first reply becomes the
     * chat's head when {@link JdbiOutboxStore#ENQUEUE} would make it so; the rest follow it by id.
     */
    static final String FINISH = """
            with logged as (
                insert into interaction (customer_id, platform, chat_id, direction, kind, platform_message_id, summary,
                                         occurred_at, complaint_number)
                values (?, ?, ?, 'inbound', ?, ?, ?, ?, ?)
            ), queued as (
                insert into outbox (platform, chat_id, lane, message, customer_id, not_before, created_at,
                                    complaint_number)
                select cast(? as text), cast(? as text), 'reply', cast(reply.message as jsonb), cast(? as bigint),
                       cast(? as timestamptz), cast(? as timestamptz), cast(? as bigint)
                from unnest(cast(? as text[])) with ordinality as reply (message, position)
                order by reply.position
                returning id, platform, chat_id, lane_rank, not_before
            ), inserted as (
                select * from queued order by id limit 1
            """ + JdbiOutboxStore.NEW_HEADS + JdbiConversationStore.SAVE;

    private static final int CONVERSATION_COLUMNS = 11;

    private final JdbcStatements statements;
    /**
     * The conversation as this transaction last read or wrote it through this intake (null: not known), so
     * {@link #finish} rewrites only the JSON columns that changed. Forgotten when the conversation store
     * saves a conversation in the same transaction.
     */
    private Conversation stored;

    JdbiEventIntake(JdbcStatements statements) {
        this.statements = statements;
    }

    /** A conversation was saved around this intake: what {@link #accept} read may be out of date. */
    void forgetStored() {
        stored = null;
    }

    @Override
    public Accepted accept(InboundEvent event, Instant now) {
        String platform = event.platform().code();
        String chatId = event.channel().chatId();
        stored = null;
        Accepted accepted = statements.first(ACCEPT, JdbiEventIntake::accepted,
                platform, event.eventId(), chatId, event.kind(), event.receivedAt(), now,
                platform, chatId,
                withoutNul(chatId), text(withoutNul(event.sender().displayName())), now, platform,
                event.sender().platformUserId(), now)
                .orElseThrow(() -> new IllegalStateException("the accept statement answered no row"));
        stored = accepted.conversation();
        return accepted;
    }

    @Override
    public void finish(Interaction inbound, Conversation conversation, List<OutboundMessage> replies) {
        if (inbound.direction() != Interaction.Direction.INBOUND) {
            throw new IllegalArgumentException("finish logs the inbound event, not " + inbound.direction());
        }
        String platform = inbound.channel().platform().code();
        String chatId = inbound.channel().chatId();
        String[] texts = new String[replies.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = StateJson.write(replies.get(i));
        }
        Object[] parameters = new Object[8 + 7 + JdbiConversationStore.SAVE_PARAMETERS];
        int at = 0;
        parameters[at++] = bigint(inbound.customerId());
        parameters[at++] = platform;
        parameters[at++] = chatId;
        parameters[at++] = inbound.kind();
        parameters[at++] = text(withoutNul(inbound.platformMessageId()));
        parameters[at++] = withoutNul(inbound.summary());
        parameters[at++] = inbound.occurredAt();
        parameters[at++] = bigint(inbound.complaintNumber());
        parameters[at++] = platform;
        parameters[at++] = chatId;
        parameters[at++] = bigint(inbound.customerId());
        parameters[at++] = inbound.occurredAt();
        parameters[at++] = inbound.occurredAt();
        parameters[at++] = bigint(inbound.complaintNumber());
        parameters[at++] = texts;
        JdbiConversationStore.saveParameters(conversation,
                stored != null && stored.channel().equals(conversation.channel()) ? stored : null, parameters, at);
        stored = null;
        if (statements.update(FINISH, parameters) != 1) {
            throw new IllegalStateException("conversation " + inbound.channel() + " was not there to save");
        }
        stored = conversation;
    }

    private static Accepted accepted(ResultSet row) throws SQLException {
        boolean recorded = row.getBoolean(1);
        Conversation conversation = row.getString(2) == null ? null
                : JdbiConversationStore.toConversation(JdbiConversationStore.row(row, 2));
        int customerColumn = 2 + CONVERSATION_COLUMNS;
        row.getLong(customerColumn);
        return new Accepted(recorded, conversation, row.wasNull() ? null
                : JdbiCustomerStore.toCustomer(JdbiCustomerStore.row(row, customerColumn)));
    }
}
