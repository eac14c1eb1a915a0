package io.retainbot.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The outbox rows and, per chat, its head in {@code outbox_chat}. Whoever changes a chat's head
 * locks its {@code outbox_chat} row first and reads the chat's pending rows afterwards, in a new
 * statement: an enqueue that committed meanwhile is then seen, and one still running waits for
 * the lock and finds the new head.
 */
@RegisterConstructorMapper(OutboxDao.Row.class)
interface OutboxDao {
    record Row(long id, String platform, String chatId, String lane, String message, Long customerId, int attempts,
               Instant notBefore, Instant createdAt, Long complaintNumber) {
    }

    /**
     * The due, unclaimed heads of one platform: replies, then staff pings, then bulk, each lane read
     * from the index on (platform, lane, due time) and cut at its own limit.
     */
    @SqlQuery("""
            select o.id, o.platform, o.chat_id, o.lane, o.message::text as message, o.customer_id, o.attempts,
                   o.not_before, o.created_at, o.complaint_number
            from (
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = :platform and lane_rank = 0 and claimed_by is null and due_at <= :now
                 order by due_at limit :replies)
                union all
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = :platform and lane_rank = 1 and claimed_by is null and due_at <= :now
                 order by due_at limit :staff)
                union all
                (select head_id, lane_rank, due_at from outbox_chat
                 where platform = :platform and lane_rank = 2 and claimed_by is null and due_at <= :now
                 order by due_at limit :bulk)
            ) heads
            join outbox o on o.id = heads.head_id
            order by heads.lane_rank, heads.due_at, heads.head_id
            """)
    List<Row> dueHeads(@Bind("platform") String platform, @Bind("now") Instant now, @Bind("replies") int replies,
                       @Bind("staff") int staff, @Bind("bulk") int bulk);

    /**
     * Claims those chats whose head is still the given message and unclaimed; returns the claimed ids.
     * A chat another transaction is changing right now is skipped, not waited for.
     */
    @SqlQuery("""
            with target as (
                select platform, chat_id from outbox_chat
                where platform = :platform and chat_id in (<chatIds>) and head_id in (<ids>) and claimed_by is null
                for update skip locked
            ), claimed as (
                update outbox_chat chat set claimed_by = :instance, lease_until = :leaseUntil
                from target
                where chat.platform = target.platform and chat.chat_id = target.chat_id
                returning chat.head_id
            )
            update outbox o set status = 'sending', claimed_at = :now, claimed_by = :instance
            from claimed
            where o.id = claimed.head_id and o.status = 'pending'
            returning o.id
            """)
    List<Long> claim(@Bind("platform") String platform, @BindList("chatIds") Collection<String> chatIds,
                     @BindList("ids") Collection<Long> ids, @Bind("instance") String instance, @Bind("now") Instant now,
                     @Bind("leaseUntil") Instant leaseUntil);

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

    /**
     * Extends the leases of this instance's claims on {@code heads} (its sends under way); a chat locked right
     * now is renewed next time (leases outlast several renewals).
     */
    @SqlUpdate("""
            update outbox_chat chat set lease_until = :leaseUntil
            from (select platform, chat_id from outbox_chat
                  where claimed_by = :instance and head_id = any(:heads) for update skip locked) mine
            where chat.platform = mine.platform and chat.chat_id = mine.chat_id and chat.claimed_by = :instance
            """)
    int renewLeases(@Bind("instance") String instance, @Bind("heads") long[] heads,
                    @Bind("leaseUntil") Instant leaseUntil);

    /**
     * Hands back claims whose lease ran out (their instance died or stalled), except {@code instance}'s own
     * claims on {@code sending} (sends it still has under way, whatever the clock says); the head stays the
     * same message.
     */
    @SqlQuery("""
            with expired as (
                select platform, chat_id from outbox_chat
                where claimed_by is not null and lease_until < :now
                  and not (claimed_by = :instance and head_id = any(:sending))
                for update skip locked
            ), released as (
                update outbox_chat chat set claimed_by = null, lease_until = null
                from expired
                where chat.platform = expired.platform and chat.chat_id = expired.chat_id
                returning chat.head_id
            )
            update outbox o set status = 'pending', claimed_at = null, claimed_by = null
            from released
            where o.id = released.head_id and o.status = 'sending'
            returning o.id
            """)
    List<Long> releaseExpired(@Bind("now") Instant now, @Bind("instance") String instance,
                              @Bind("sending") long[] sending);

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

    /** The earliest due time of an unclaimed head: one index probe per platform and lane. */
    @SqlQuery("""
            select min((select due_at from outbox_chat
                        where platform = platforms.platform and lane_rank = lanes.rank and claimed_by is null
                        order by due_at limit 1))
            from unnest(array['telegram', 'discord', 'web']) platforms (platform),
                 generate_series(0, 2) lanes (rank)
            """)
    Optional<Instant> nextDue();

    @SqlQuery("select count(*) from outbox where status = 'pending'")
    long countPending();
}
