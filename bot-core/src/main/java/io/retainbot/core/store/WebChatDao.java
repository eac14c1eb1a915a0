package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(WebChatDao.Row.class)
interface WebChatDao {
    record Row(long id, String author, String eventId, String message, Instant sentAt) {
    }

    @SqlUpdate("insert into web_session (chat_id, created_at) values (:chatId, :at) on conflict do nothing")
    void openSession(@Bind("chatId") String chatId, @Bind("at") Instant at);

    @SqlQuery("select exists (select 1 from web_session where chat_id = :chatId)")
    boolean sessionExists(@Bind("chatId") String chatId);

    @SqlUpdate("update web_session set language = :language where chat_id = :chatId")
    void chooseLanguage(@Bind("chatId") String chatId, @Bind("language") String language);

    @SqlQuery("select language from web_session where chat_id = :chatId and language <> ''")
    Optional<String> language(@Bind("chatId") String chatId);

    @SqlQuery("""
            insert into web_message (session_id, message, sent_at) values (:chatId, cast(:message as jsonb), :at)
            returning id
            """)
    long insert(@Bind("chatId") String chatId, @Bind("message") String message, @Bind("at") Instant at);

    @SqlUpdate("""
            insert into web_message (session_id, author, event_id, message, sent_at)
            values (:chatId, 'visitor', :eventId, cast(:line as jsonb), :at)
            on conflict (session_id, event_id) where event_id is not null do nothing
            """)
    int insertVisitor(@Bind("chatId") String chatId, @Bind("eventId") String eventId, @Bind("line") String line,
                      @Bind("at") Instant at);

    @SqlQuery("""
            select message::text from web_message where session_id = :chatId and id = :id and author = 'bot'
            """)
    Optional<String> botMessage(@Bind("chatId") String chatId, @Bind("id") long id);

    @SqlQuery("""
            select id, author, event_id, message::text as message, sent_at from web_message
            where session_id = :chatId and id > :afterId order by id limit :limit
            """)
    List<Row> after(@Bind("chatId") String chatId, @Bind("afterId") long afterId, @Bind("limit") int limit);
}
