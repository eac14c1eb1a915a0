package io.retainbot.core.store;

import io.retainbot.core.port.OptOutStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OptOutDao.ReasonCount.class)
@RegisterConstructorMapper(OptOutStore.BroadcastTally.class)
@RegisterConstructorMapper(OptOutStore.TemplateTally.class)
@RegisterConstructorMapper(OptOutStore.WeekTally.class)
interface OptOutDao {
    record ReasonCount(String reason, long count) {
    }

    @SqlUpdate("""
            insert into opt_out (customer_id, source, run_id, opted_out_at)
            values (:customerId, :source,
                    (select d.run_id from delivery d
                     where d.customer_id = :customerId and d.status in ('queued', 'sent')
                       and d.updated_at between :since and :at
                     order by d.updated_at desc limit 1),
                    :at)
            """)
    void insert(@Bind("customerId") long customerId, @Bind("source") String source, @Bind("since") Instant since,
                @Bind("at") Instant at);

    @SqlUpdate("""
            update opt_out set reason = :reason, reason_text = :text, answered_at = :at
            where id = (select id from opt_out where customer_id = :customerId and answered_at is null
                        order by id desc limit 1)
            """)
    int answer(@Bind("customerId") long customerId, @Bind("reason") String reason, @Bind("text") String text,
               @Bind("at") Instant at);

    @SqlQuery("select coalesce(reason, 'unanswered') as reason, count(*) as count from opt_out group by 1")
    List<ReasonCount> reasons();

    @SqlQuery("""
            select reason_text from opt_out where reason_text is not null and reason_text <> ''
            order by answered_at desc limit :limit
            """)
    List<String> texts(@Bind("limit") int limit);

    @SqlQuery("""
            select b.id as broadcast_id, b.name, b.template_id,
                   (select count(*) from delivery d join broadcast_run r on r.id = d.run_id
                    where r.broadcast_id = b.id and d.status = 'sent') as sent,
                   (select count(*) from opt_out o join broadcast_run r on r.id = o.run_id
                    where r.broadcast_id = b.id) as opt_outs,
                   (select count(*) from offer_code c join broadcast_run r on c.campaign = 'run:' || r.id
                    where r.broadcast_id = b.id) as offers_sent,
                   (select count(*) from offer_code c join broadcast_run r on c.campaign = 'run:' || r.id
                    where r.broadcast_id = b.id and c.redeemed_at is not null) as offers_redeemed
            from broadcast b order by b.id
            """)
    List<OptOutStore.BroadcastTally> broadcasts();

    @SqlQuery("""
            select t.id as template_id, t.name,
                   (select count(*) from delivery d join broadcast_run r on r.id = d.run_id
                    join broadcast b on b.id = r.broadcast_id
                    where b.template_id = t.id and d.status = 'sent') as sent,
                   (select count(*) from offer_code c join broadcast_run r on c.campaign = 'run:' || r.id
                    join broadcast b on b.id = r.broadcast_id where b.template_id = t.id) as offers_sent,
                   (select count(*) from offer_code c join broadcast_run r on c.campaign = 'run:' || r.id
                    join broadcast b on b.id = r.broadcast_id
                    where b.template_id = t.id and c.redeemed_at is not null) as offers_redeemed
            from message_template t order by t.id
            """)
    List<OptOutStore.TemplateTally> templates();

    @SqlQuery("""
            with weeks as (
                select generate_series(date_trunc('week', cast(:from as timestamptz) at time zone :zone),
                                       date_trunc('week', (cast(:to as timestamptz) - interval '1 microsecond')
                                                          at time zone :zone),
                                       interval '1 week')::date as week
            ), sent as (
                select (date_trunc('week', d.updated_at at time zone :zone))::date as week, count(*) as count
                from delivery d
                where d.status = 'sent' and d.updated_at >= :from and d.updated_at < :to group by 1
            ), opt_outs as (
                select (date_trunc('week', o.opted_out_at at time zone :zone))::date as week, count(*) as count
                from opt_out o where o.opted_out_at >= :from and o.opted_out_at < :to group by 1
            ), issued as (
                select (date_trunc('week', c.issued_at at time zone :zone))::date as week, count(*) as count
                from offer_code c where c.issued_at >= :from and c.issued_at < :to group by 1
            ), redeemed as (
                select (date_trunc('week', c.redeemed_at at time zone :zone))::date as week, count(*) as count
                from offer_code c where c.redeemed_at >= :from and c.redeemed_at < :to group by 1
            )
            select w.week, coalesce(s.count, 0) as sent, coalesce(o.count, 0) as opt_outs,
                   coalesce(i.count, 0) as offers_sent, coalesce(r.count, 0) as offers_redeemed
            from weeks w
            left join sent s on s.week = w.week
            left join opt_outs o on o.week = w.week
            left join issued i on i.week = w.week
            left join redeemed r on r.week = w.week
            order by w.week
            """)
    List<OptOutStore.WeekTally> weeks(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone);
}
