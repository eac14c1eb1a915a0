package io.retainbot.core.store;

import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.complaint.ComplaintCluster;
import io.retainbot.core.port.ClusterStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbiClusterStore implements ClusterStore {
    private final Handle handle;

    JdbiClusterStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<ComplaintCluster> flag(String category, ClusterRule rule, Instant at) {
        handle.createQuery("select pg_advisory_xact_lock(hashtext('complaint-cluster:' || :category))")
                .bind("category", category).mapTo(String.class).findOne();
        Instant since = at.minus(rule.within());
        return handle.createQuery("""
                        with recent as (
                            select count(*) as complaints, min(created_at) as first_at from complaint
                            where category = :category and created_at > :since and created_at <= :at
                        )
                        insert into complaint_cluster (category, complaints, first_at, flagged_at)
                        select :category, recent.complaints, recent.first_at, :at from recent
                        where recent.complaints >= :threshold
                          and not exists (select 1 from complaint_cluster
                                          where category = :category and flagged_at > :since)
                        returning id, category, complaints, first_at, flagged_at
                        """)
                .bind("category", category).bind("since", since).bind("at", at)
                .bind("threshold", rule.complaints())
                .map((rs, ctx) -> cluster(rs)).findOne();
    }

    @Override
    public List<ComplaintCluster> flagged(Instant from, Instant to) {
        return handle.createQuery("""
                        select id, category, complaints, first_at, flagged_at from complaint_cluster
                        where flagged_at >= :from and flagged_at < :to order by flagged_at desc, id desc
                        """)
                .bind("from", from).bind("to", to).map((rs, ctx) -> cluster(rs)).list();
    }

    private static ComplaintCluster cluster(ResultSet rs) throws SQLException {
        return new ComplaintCluster(rs.getLong("id"), rs.getString("category"), rs.getInt("complaints"),
                rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("flagged_at").toInstant());
    }
}
