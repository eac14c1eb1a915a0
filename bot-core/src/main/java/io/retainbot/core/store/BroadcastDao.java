package io.retainbot.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BroadcastDao.Row.class)
@RegisterConstructorMapper(BroadcastDao.RunRow.class)
@RegisterConstructorMapper(BroadcastDao.CountRow.class)
@RegisterConstructorMapper(BroadcastDao.WaitingRow.class)
interface BroadcastDao extends SqlObject {
    record Row(long id, String name, String kind, Long segmentId, long templateId, String rule, Instant sendAt, String zoneMode,
               String status, LocalDateTime nextLocal, Instant nextDue, Instant createdAt, Instant updatedAt) {
    }

    record RunRow(long id, long broadcastId, LocalDateTime occurrence, String status, Instant createdAt,
                  Instant finishedAt) {
    }

    record CountRow(String status, String reason, long count) {
    }

    record WaitingRow(long count, Instant first) {
    }

    @SqlQuery("""
            insert into broadcast (name, kind, segment_id, template_id, rule, send_at, zone_mode, next_local, next_due,
                                   created_at, updated_at)
            values (:name, :kind, :segmentId, :templateId, :rule, :sendAt, :zoneMode, :nextLocal, :nextDue, :now, :now)
            on conflict do nothing
            returning *
            """)
    Optional<Row> insert(@Bind("name") String name, @Bind("kind") String kind, @Bind("segmentId") Long segmentId,
                         @Bind("templateId") long templateId, @Bind("rule") String rule,
                         @Bind("sendAt") Instant sendAt, @Bind("zoneMode") String zoneMode,
                         @Bind("nextLocal") LocalDateTime nextLocal, @Bind("nextDue") Instant nextDue,
                         @Bind("now") Instant now);

    @SqlQuery("select * from broadcast where id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlQuery("select * from broadcast where kind = 'birthday'")
    Optional<Row> birthday();

    @SqlUpdate("""
            update broadcast set segment_id = :segmentId, template_id = :templateId, rule = :rule,
                   zone_mode = :zoneMode, status = :status, next_local = :nextLocal, next_due = :nextDue,
                   updated_at = :now
            where id = :id
            """)
    int updateBirthday(@Bind("id") long id, @Bind("segmentId") Long segmentId, @Bind("templateId") long templateId,
                       @Bind("rule") String rule, @Bind("zoneMode") String zoneMode, @Bind("status") String status,
                       @Bind("nextLocal") LocalDateTime nextLocal, @Bind("nextDue") Instant nextDue,
                       @Bind("now") Instant now);

    @SqlQuery("select * from broadcast where id = :id for update")
    Optional<Row> lock(@Bind("id") long id);

    @SqlQuery("select * from broadcast where status = 'active' and next_due is not null order by next_due")
    List<Row> planned();

    @SqlQuery("select min(not_before) from delivery where run_id = :runId and status = 'pending'")
    Optional<Instant> nextPending(@Bind("runId") long runId);

    @SqlQuery("select * from broadcast where kind = 'broadcast' order by created_at desc, id desc")
    List<Row> list();

    @SqlUpdate("update broadcast set status = :status, updated_at = :now where id = :id")
    int setStatus(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlQuery("""
            select * from broadcast where status = 'active' and next_due <= :now
            order by next_due limit :limit for update skip locked
            """)
    List<Row> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("""
            update broadcast set next_local = :nextLocal, next_due = :nextDue, updated_at = :now,
                   status = case when cast(:nextLocal as timestamp) is null and status = 'active'
                                      and not exists (select 1 from broadcast_run run where run.broadcast_id = broadcast.id
                                                      and run.status in ('running', 'paused'))
                                 then 'finished' else status end
            where id = :id
            """)
    void scheduleNext(@Bind("id") long id, @Bind("nextLocal") LocalDateTime nextLocal,
                      @Bind("nextDue") Instant nextDue, @Bind("now") Instant now);

    @SqlUpdate("""
            update broadcast set status = 'finished', updated_at = :now
            where id = :id and status = 'active' and next_local is null
              and not exists (select 1 from broadcast_run run where run.broadcast_id = broadcast.id
                              and run.status in ('running', 'paused'))
            """)
    void finishIfDone(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("""
            insert into broadcast_run (broadcast_id, occurrence, created_at) values (:broadcastId, :occurrence, :now)
            on conflict (broadcast_id, occurrence) do nothing
            returning *
            """)
    Optional<RunRow> startRun(@Bind("broadcastId") long broadcastId, @Bind("occurrence") LocalDateTime occurrence,
                              @Bind("now") Instant now);

    @SqlQuery("select * from broadcast_run where broadcast_id = :broadcastId order by occurrence, id")
    List<RunRow> runs(@Bind("broadcastId") long broadcastId);

    @SqlQuery("select * from broadcast_run where id = :id")
    Optional<RunRow> run(@Bind("id") long id);

    @SqlQuery("select * from broadcast_run where status = 'running' order by id limit :limit")
    List<RunRow> running(@Bind("limit") int limit);

    @SqlUpdate("""
            update broadcast_run set status = :status,
                   finished_at = case when :status in ('finished', 'cancelled') then cast(:now as timestamptz) else null end
            where id = :id
            """)
    int setRunStatus(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlQuery("""
            select customer_id from delivery
            where run_id = :runId and status = 'pending' and not_before <= :now
            order by not_before, customer_id limit :limit
            for update skip locked
            """)
    List<Long> lockPending(@Bind("runId") long runId, @Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery("select count(*) from delivery where run_id = :runId and status = 'queued'")
    long inFlight(@Bind("runId") long runId);

    @SqlUpdate("""
            update delivery d set status = 'queued', outbox_id = q.outbox_id, updated_at = :now
            from unnest(cast(:customers as bigint[]), cast(:outboxIds as bigint[])) as q (customer_id, outbox_id)
            where d.run_id = :runId and d.customer_id = q.customer_id and d.status = 'pending'
            """)
    int markQueued(@Bind("runId") long runId, @Bind("customers") long[] customers,
                   @Bind("outboxIds") long[] outboxIds, @Bind("now") Instant now);

    @SqlUpdate("""
            update delivery d set status = 'skipped', reason = q.reason, updated_at = :now
            from unnest(cast(:customers as bigint[]), cast(:reasons as text[])) as q (customer_id, reason)
            where d.run_id = :runId and d.customer_id = q.customer_id and d.status = 'pending'
            """)
    int markSkipped(@Bind("runId") long runId, @Bind("customers") long[] customers, @Bind("reasons") String[] reasons,
                    @Bind("now") Instant now);

    @SqlUpdate("""
            update delivery d set not_before = q.until, updated_at = :now
            from unnest(cast(:customers as bigint[]), cast(cast(:untils as text[]) as timestamptz[]))
                as q (customer_id, until)
            where d.run_id = :runId and d.customer_id = q.customer_id and d.status = 'pending'
            """)
    int postpone(@Bind("runId") long runId, @Bind("customers") long[] customers, @Bind("untils") String[] untils,
                 @Bind("now") Instant now);

    record LastMarketingRow(long customerId, Instant at) {
    }

    @SqlQuery("""
            select d.customer_id, max(d.updated_at) as at from delivery d
            join broadcast_run r on r.id = d.run_id
            join broadcast b on b.id = r.broadcast_id
            join message_template t on t.id = b.template_id
            where d.customer_id = any(cast(:customers as bigint[])) and d.status in ('queued', 'sent')
              and t.purpose = 'marketing'
            group by d.customer_id
            """)
    @RegisterConstructorMapper(LastMarketingRow.class)
    List<LastMarketingRow> lastMarketing(@Bind("customers") long[] customers);

    @SqlQuery("""
            select max(d.updated_at) from delivery d
            join broadcast_run r on r.id = d.run_id
            join broadcast b on b.id = r.broadcast_id
            join message_template t on t.id = b.template_id
            where d.customer_id = :customerId and d.status in ('queued', 'sent') and t.purpose = 'marketing'
            """)
    Optional<Instant> lastMarketing(@Bind("customerId") long customerId);

    @SqlUpdate("""
            update delivery d set
                status = case o.status when 'delivered' then 'sent' when 'unreachable' then 'unreachable'
                                       when 'failed' then 'failed' else 'skipped' end,
                reason = case when o.status in ('delivered') then null else coalesce(o.last_error, o.status) end,
                updated_at = :now
            from outbox o
            where d.run_id = :runId and d.status = 'queued' and o.id = d.outbox_id
              and o.status not in ('pending', 'sending')
            """)
    int recordOutcomes(@Bind("runId") long runId, @Bind("now") Instant now);

    @SqlUpdate("""
            update outbox set status = 'skipped', finished_at = :now, last_error = 'cancelled'
            where status = 'pending'
              and id in (select outbox_id from delivery where run_id = :runId and status = 'queued')
            """)
    int cancelQueued(@Bind("runId") long runId, @Bind("now") Instant now);

    /**
     * After {@link #cancelQueued}: a chat whose head was one of the cancelled messages gets its next
     * pending message as head, or loses its head row when nothing is left (the outbox finds heads only
     * through {@code outbox_chat}, so a head left on a skipped message would stall the chat).
     */
    @SqlUpdate("""
            with stale as (
                select chat.platform, chat.chat_id from outbox_chat chat
                join outbox o on o.id = chat.head_id
                where o.status = 'skipped' and chat.claimed_by is null
                  and o.id in (select outbox_id from delivery where run_id = :runId)
                for update of chat
            )
            """ + OutboxHeads.MOVE_PAST_STALE)
    int moveHeadsPastCancelled(@Bind("runId") long runId);

    @SqlUpdate("""
            update delivery set status = 'skipped', reason = 'cancelled', updated_at = :now
            where run_id = :runId and status = 'pending'
            """)
    int cancelPending(@Bind("runId") long runId, @Bind("now") Instant now);

    @SqlQuery("""
            select not exists (select 1 from delivery where run_id = :runId and status in ('pending', 'queued'))
            """)
    boolean done(@Bind("runId") long runId);

    @SqlQuery("""
            select status, coalesce(reason, '') as reason, count(*) as count from delivery where run_id = :runId
            group by status, reason
            """)
    List<CountRow> counts(@Bind("runId") long runId);

    /** The pending deliveries whose time has not come (quiet hours, a customer's own zone) and the first such time. */
    @SqlQuery("""
            select count(*) as count, min(not_before) as first from delivery
            where run_id = :runId and status = 'pending' and not_before > :now
            """)
    WaitingRow waiting(@Bind("runId") long runId, @Bind("now") Instant now);

    @SqlQuery("""
            select count(*) from delivery d join outbox o on o.id = d.outbox_id
            where d.run_id = :runId and o.status = 'delivered' and o.finished_at >= :since
            """)
    long sentSince(@Bind("runId") long runId, @Bind("since") Instant since);

    @SqlQuery("select exists (select 1 from broadcast where segment_id = :id)")
    boolean usesSegment(@Bind("id") long id);

    @SqlQuery("select exists (select 1 from broadcast where template_id = :id)")
    boolean usesTemplate(@Bind("id") long id);

    /**
     * Expands a run's audience into its deliveries. In the customers' zones each waits for the local time
     * of the occurrence in its customer's zone, and one whose time passed more than {@code lateAfter}
     * before now is skipped as too late (the run started late: set up that day, or the service was down).
     */
    default long expand(long runId, SegmentSql filter, boolean customerZone, LocalDateTime occurrence,
                        Instant dueAt, String businessZone, boolean marketing, Duration lateBy, Instant now) {
        String notBefore = customerZone
                ? "cast(:occurrence as timestamp) at time zone coalesce(c.time_zone, :businessZone)" : ":dueAt";
        String tooLate = customerZone ? notBefore + " < cast(:tooLateBefore as timestamptz)" : "false";
        String sql = "insert into delivery (run_id, customer_id, status, reason, not_before, updated_at)\n"
                + "select :runId, c.id,\n"
                + "  case when r.customer_id is null then 'skipped'\n"
                + "       when :marketing and not c.consent_granted then 'skipped'\n"
                + "       when " + tooLate + " then 'skipped' else 'pending' end,\n"
                + "  case when r.customer_id is null then 'unreachable'\n"
                + "       when :marketing and not c.consent_granted then 'no_consent'\n"
                + "       when " + tooLate + " then 'too_late' end,\n"
                + "  " + notBefore + ", :now\n"
                // one pass over the reachable chats (a hash join), not two lookups per customer
                + "from customer c left join (select distinct customer_id from channel_identity"
                + " where unreachable_since is null) r on r.customer_id = c.id\n"
                // no "on conflict": the run was created in this transaction, and its primary key is the guard
                + "where " + filter.where();
        var update = filter.bindTo(getHandle().createUpdate(sql))
                .bind("runId", runId)
                .bind("marketing", marketing)
                .bind("now", now);
        if (customerZone) {
            update.bind("occurrence", occurrence).bind("businessZone", businessZone)
                    .bind("tooLateBefore", now.minus(lateBy));
        } else {
            update.bind("dueAt", dueAt);
        }
        return update.execute();
    }
}
