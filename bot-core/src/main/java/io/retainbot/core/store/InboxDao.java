package io.retainbot.core.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface InboxDao {
    @SqlUpdate("""
            insert into inbox (platform, event_id, chat_id, kind, received_at, handled_at, outcome)
            values ('schedule', :eventId, :chatId, 'scheduled', :dueAt, :handledAt, :outcome)
            on conflict (platform, event_id) do nothing
            """)
    int insertScheduled(@Bind("eventId") String eventId, @Bind("chatId") String chatId, @Bind("dueAt") Instant dueAt,
                        @Bind("handledAt") Instant handledAt, @Bind("outcome") String outcome);

    @SqlQuery("select exists (select 1 from inbox where platform = :platform and event_id = :eventId)")
    boolean exists(@Bind("platform") String platform, @Bind("eventId") String eventId);

    @SqlQuery("select exists (select 1 from inbox where platform = 'schedule' and event_id = :eventId)")
    boolean existsScheduled(@Bind("eventId") String eventId);

    @SqlUpdate("delete from inbox where handled_at < :cutoff")
    int deleteHandledBefore(@Bind("cutoff") Instant cutoff);
}
