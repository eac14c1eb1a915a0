package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(WebChatDao.Row.class)
interface WebChatDao {
    record Row(long id, String message, Instant sentAt) {
    }

    @SqlQuery("""
            insert into web_message (session_id, message, sent_at) values (:sessionId, cast(:message as jsonb), :at)
            returning id
            """)
    long insert(@Bind("sessionId") String sessionId, @Bind("message") String message, @Bind("at") Instant at);

    @SqlQuery("""
            select id, message::text as message, sent_at from web_message
            where session_id = :sessionId and id > :afterId order by id limit :limit
            """)
    List<Row> after(@Bind("sessionId") String sessionId, @Bind("afterId") long afterId, @Bind("limit") int limit);
}
