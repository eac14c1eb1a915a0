package io.retainbot.core.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface InboxDao {
    @SqlQuery("select exists (select 1 from inbox where platform = :platform and event_id = :eventId)")
    boolean exists(@Bind("platform") String platform, @Bind("eventId") String eventId);

    @SqlUpdate("delete from inbox where handled_at < :cutoff")
    int deleteHandledBefore(@Bind("cutoff") Instant cutoff);
}
