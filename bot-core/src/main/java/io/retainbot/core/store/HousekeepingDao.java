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

    /** A file's id on its platform is {@code <platform>:<file_key>} (the web chat's {@code web:<key>}). */
    @SqlUpdate("""
            delete from stored_file where id in (
                select f.id from stored_file f
                where f.stored_at < :cutoff
                  and not exists (select 1 from complaint_attachment a
                                  where a.platform_file_id = f.platform || ':' || f.file_key)
                  and not exists (select 1 from conversation c
                                  where c.platform = f.platform and c.chat_id = f.chat_id
                                    and c.data -> 'files' @> jsonb_build_array(
                                            jsonb_build_object('platformFileId', f.platform || ':' || f.file_key)))
                limit :batch for update of f skip locked)
            """)
    int pruneUnattachedFiles(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);

    @SqlUpdate("""
            delete from domain_event_delivery where ctid in (
                select ctid from domain_event_delivery
                where status <> 'pending' and finished_at < :cutoff limit :batch for update skip locked)
            """)
    int pruneFinishedDeliveries(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);
}
