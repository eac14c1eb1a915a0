package io.retainbot.core.store;

import io.retainbot.core.port.ServiceReportStore.Row;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Row.class)
interface ServiceReportDao {
    @SqlQuery("""
            with filed as (
                select c.category,
                       (date_trunc('week', c.created_at at time zone :zone))::date as week,
                       c.status,
                       extract(epoch from (c.first_response_at - c.created_at))::float8 as first_response,
                       case when c.status in ('resolved', 'referred')
                            then extract(epoch from (c.resolved_at - c.created_at))::float8 end as resolution,
                       case when c.status = 'withdrawn' or c.resolution_due_at is null then null
                            when c.status in ('resolved', 'referred') then c.resolved_at <= c.resolution_due_at
                            when c.resolution_due_at <= :now then false end as resolved_in_time,
                       case when c.status = 'withdrawn' or c.promised_at is null then null
                            when c.first_response_at is not null then c.first_response_at <= c.promised_at
                            when c.promised_at <= :now then false end as kept,
                       (select s.score from satisfaction_answer s
                        where s.complaint_id = c.id and s.question = 'satisfaction') as satisfaction,
                       (select s.score from satisfaction_answer s
                        where s.complaint_id = c.id and s.question = 'effort') as effort
                from complaint c
                where c.created_at >= :from and c.created_at < :to
                  and (cast(:category as text) is null or c.category = :category)
            )
            select case when grouping(category) = 0 then category end as category,
                   case when grouping(week) = 0 then week end as week,
                   count(*) as complaints,
                   count(*) filter (where status = 'resolved') as resolved,
                   count(*) filter (where status = 'referred') as referred,
                   count(*) filter (where status = 'withdrawn') as withdrawn,
                   percentile_cont(0.5) within group (order by first_response) as first_response_median,
                   percentile_cont(0.9) within group (order by first_response) as first_response_p90,
                   percentile_cont(0.5) within group (order by resolution) as resolution_median,
                   percentile_cont(0.9) within group (order by resolution) as resolution_p90,
                   count(*) filter (where resolved_in_time) as resolutions_in_time,
                   count(resolved_in_time) as resolutions_due,
                   count(*) filter (where kept) as promises_kept,
                   count(kept) as promises_due,
                   avg(satisfaction)::float8 as satisfaction,
                   count(satisfaction) as satisfaction_answers,
                   avg(effort)::float8 as effort,
                   count(effort) as effort_answers
            from filed
            group by grouping sets ((), (category), (week))
            order by grouping(category) desc, grouping(week) desc, count(*) desc, category, week
            """)
    List<Row> figures(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("zone") String zone,
                      @Bind("now") Instant now, @Bind("category") String category);
}
