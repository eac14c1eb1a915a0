package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The outbox rows and, per chat, its head in {@code outbox_chat}. Whoever changes a chat's head
 * locks its {@code outbox_chat} row first and reads the chat's pending rows afterwards, in a new
 * statement: an enqueue that committed meanwhile is then seen, and one still running waits for
 * the lock and finds the new head. The statements the dispatcher runs every round are plain JDBC in
 * {@link JdbiOutboxStore}.
 */
interface OutboxDao {
    /** Locks the chat's head row if {@code instance} still holds the claim on message {@code id}. */
    @SqlQuery("""
            select count(*) from (
                select 1 from outbox_chat
                where platform = :platform and chat_id = :chatId and head_id = :id and claimed_by = :instance
                for update
            ) held
            """)
    int lockClaim(@Bind("platform") String platform, @Bind("chatId") String chatId, @Bind("id") long id,
                  @Bind("instance") String instance);

    /** Locks the chat's head row if it is not claimed; 0 when claimed or when the chat has none. */
    @SqlQuery("""
            select count(*) from (
                select 1 from outbox_chat
                where platform = :platform and chat_id = :chatId and claimed_by is null
                for update
            ) free
            """)
    int lockUnclaimed(@Bind("platform") String platform, @Bind("chatId") String chatId);

    @SqlUpdate("update outbox_chat set held_until = :until where platform = :platform and chat_id = :chatId")
    void holdChat(@Bind("platform") String platform, @Bind("chatId") String chatId, @Bind("until") Instant until);

    /**
     * Makes the chat's oldest message of its highest lane the head, unclaimed, or removes the chat's
     * head row when nothing is pending. Run with the head row locked.
     */
    @SqlUpdate("""
            with next as (
                select id, lane_rank, not_before from outbox
                where platform = :platform and chat_id = :chatId and status = 'pending'
                order by lane_rank, id
                limit 1
            ), moved as (
                update outbox_chat chat
                set head_id = next.id, lane_rank = next.lane_rank,
                    due_at = greatest(next.not_before, coalesce(chat.held_until, next.not_before)),
                    claimed_by = null, lease_until = null
                from next
                where chat.platform = :platform and chat.chat_id = :chatId
                returning chat.head_id
            )
            delete from outbox_chat chat
            where chat.platform = :platform and chat.chat_id = :chatId and not exists (select 1 from next)
            """)
    void advance(@Bind("platform") String platform, @Bind("chatId") String chatId);

    @SqlUpdate("""
            update outbox set status = 'delivered', platform_message_id = :messageId, finished_at = :at,
                              attempts = attempts + 1
            where id = :id
            """)
    void delivered(@Bind("id") long id, @Bind("messageId") String messageId, @Bind("at") Instant at);

    @SqlUpdate("""
            update outbox set status = :status, last_error = :error, finished_at = :at, attempts = attempts + 1
            where id = :id
            """)
    void finish(@Bind("id") long id, @Bind("status") String status, @Bind("error") String error,
                @Bind("at") Instant at);

    @SqlUpdate("""
            update outbox set status = 'skipped', last_error = :reason, finished_at = :at
            where platform = :platform and chat_id = :chatId and status = 'pending'
            """)
    int skipPending(@Bind("platform") String platform, @Bind("chatId") String chatId,
                    @Bind("reason") String reason, @Bind("at") Instant at);

    @SqlUpdate("""
            update outbox set status = 'pending', claimed_at = null, claimed_by = null, not_before = :notBefore,
                              last_error = :error, attempts = attempts + case when :countAttempt then 1 else 0 end
            where id = :id
            """)
    void putBack(@Bind("id") long id, @Bind("notBefore") Instant notBefore, @Bind("error") String error,
                 @Bind("countAttempt") boolean countAttempt);

    /** Hands back every claim {@code instance} holds (it stops and could not finish them). */
    @SqlQuery("""
            with mine as (
                update outbox_chat set claimed_by = null, lease_until = null
                where claimed_by = :instance
                returning head_id
            )
            update outbox o set status = 'pending', claimed_at = null, claimed_by = null
            from mine
            where o.id = mine.head_id and o.status = 'sending'
            returning o.id
            """)
    List<Long> releaseClaims(@Bind("instance") String instance);

    @SqlUpdate("""
            update outbox set calls_made = :calls
            where id = :id and status = 'sending' and claimed_by = :instance
            """)
    int madeCalls(@Bind("id") long id, @Bind("instance") String instance, @Bind("calls") int calls);

    @SqlQuery("select count(*) from outbox where status = 'pending'")
    long countPending();
}
