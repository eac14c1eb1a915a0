package io.retainbot.core.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bounded deletes of working rows; each picks its batch through an index and skips rows others hold. */
interface HousekeepingDao {
    @SqlUpdate("""
            delete from inbox where ctid in (
                select ctid from inbox where handled_at < :cutoff limit :batch for update skip locked)
            """)
    int pruneInbox(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);

    @SqlUpdate("""
            delete from outbox where id in (
                select id from outbox
                where status not in ('pending', 'sending') and finished_at < :cutoff
                limit :batch for update skip locked)
            """)
    int pruneFinishedOutbox(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);

    @SqlUpdate("""
            delete from web_message where id in (
                select id from web_message where sent_at < :cutoff limit :batch for update skip locked)
            """)
    int pruneWebMessages(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);

    @SqlUpdate("""
            delete from domain_event_delivery where ctid in (
                select ctid from domain_event_delivery
                where status <> 'pending' and finished_at < :cutoff limit :batch for update skip locked)
            """)
    int pruneFinishedDeliveries(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);
}
