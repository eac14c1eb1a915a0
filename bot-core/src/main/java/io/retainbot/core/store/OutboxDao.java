package io.retainbot.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutboxDao.Row.class)
interface OutboxDao {
    record Row(long id, String platform, String chatId, int lane, String message, Long customerId, int attempts,
               Instant notBefore, Instant createdAt, Long complaintNumber) {
    }

    @SqlQuery("""
            insert into outbox (platform, chat_id, lane, message, customer_id, dedupe_key, not_before, created_at,
                                complaint_number)
            values (:platform, :chatId, :lane, cast(:message as jsonb), :customerId, :dedupeKey, :notBefore, :createdAt,
                    :complaintNumber)
            on conflict (dedupe_key) do nothing
            returning id
            """)
    Optional<Long> insert(@Bind("platform") String platform, @Bind("chatId") String chatId, @Bind("lane") int lane,
                          @Bind("message") String message, @Bind("customerId") Long customerId,
                          @Bind("dedupeKey") String dedupeKey, @Bind("notBefore") Instant notBefore,
                          @Bind("createdAt") Instant createdAt, @Bind("complaintNumber") Long complaintNumber);

    /** Per chat the head: what is being sent, else the lowest lane's oldest message. */
    @SqlQuery("""
            with heads as (
                select distinct on (platform, chat_id)
                       id, platform, chat_id, lane, message::text as message, customer_id, attempts,
                       not_before, created_at, status, complaint_number
                from outbox
                where status in ('pending', 'sending')
                order by platform, chat_id, (status = 'sending') desc, lane, id
            )
            select id, platform, chat_id, lane, message, customer_id, attempts, not_before, created_at, complaint_number
            from heads
            where status = 'pending' and not_before <= :now
            order by lane, id
            limit :limit
            """)
    List<Row> dueHeads(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery("""
            update outbox set status = 'sending', claimed_at = :now
            where id in (<ids>) and status = 'pending'
            returning id
            """)
    List<Long> claim(@BindList("ids") Collection<Long> ids, @Bind("now") Instant now);

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

    @SqlQuery("select platform || ' ' || chat_id from outbox where id = :id")
    String chatOf(@Bind("id") long id);

    @SqlUpdate("""
            update outbox set status = 'skipped', last_error = :reason, finished_at = :at
            where platform = :platform and chat_id = :chatId and status = 'pending'
            """)
    int skipPending(@Bind("platform") String platform, @Bind("chatId") String chatId,
                    @Bind("reason") String reason, @Bind("at") Instant at);

    @SqlUpdate("""
            update outbox set status = 'pending', claimed_at = null, not_before = :notBefore, last_error = :error,
                              attempts = attempts + case when :countAttempt then 1 else 0 end
            where id = :id
            """)
    void putBack(@Bind("id") long id, @Bind("notBefore") Instant notBefore, @Bind("error") String error,
                 @Bind("countAttempt") boolean countAttempt);

    @SqlUpdate("""
            update outbox o set not_before = greatest(o.not_before, :notBefore)
            from outbox held
            where held.id = :id and o.platform = held.platform and o.chat_id = held.chat_id
              and o.status = 'pending'
            """)
    void holdChat(@Bind("id") long id, @Bind("notBefore") Instant notBefore);

    @SqlUpdate("update outbox set status = 'pending', claimed_at = null where status = 'sending' and claimed_at < :before")
    int releaseStale(@Bind("before") Instant before);

    @SqlQuery("""
            select min(not_before) from (
                select distinct on (platform, chat_id) not_before, status
                from outbox
                where status in ('pending', 'sending')
                order by platform, chat_id, (status = 'sending') desc, lane, id
            ) heads
            where status = 'pending'
            """)
    Optional<Instant> nextDue();

    @SqlQuery("select count(*) from outbox where status = 'pending'")
    long countPending();
}
