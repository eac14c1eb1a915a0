package io.retainbot.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ConversationDao.Row.class)
interface ConversationDao {
    record Row(String platform, String chatId, Long customerId, String flow, String state, String data,
               Instant handedOverAt, Instant startedAt, Instant updatedAt, Instant consentAskedAt,
               String offeredButtons) {
    }

    @SqlUpdate("""
            insert into conversation (platform, chat_id, flow, state, started_at, updated_at)
            values (:platform, :chatId, 'idle', 'idle', :now, :now)
            on conflict (platform, chat_id) do nothing
            """)
    void insertIdle(@Bind("platform") String platform, @Bind("chatId") String chatId, @Bind("now") Instant now);

    @SqlQuery("""
            select platform, chat_id, customer_id, flow, state, data::text as data, handed_over_at, started_at, updated_at,
                   consent_asked_at, offered_buttons::text as offered_buttons
            from conversation where platform = :platform and chat_id = :chatId
            for update
            """)
    Row selectForUpdate(@Bind("platform") String platform, @Bind("chatId") String chatId);

    @SqlQuery("""
            select platform, chat_id, customer_id, flow, state, data::text as data, handed_over_at, started_at, updated_at,
                   consent_asked_at, offered_buttons::text as offered_buttons
            from conversation where platform = :platform and chat_id = :chatId
            """)
    Optional<Row> find(@Bind("platform") String platform, @Bind("chatId") String chatId);

    @SqlUpdate("""
            update conversation
            set customer_id = :customerId, flow = :flow, state = :state, data = cast(:data as jsonb),
                handed_over_at = :handedOverAt, updated_at = :updatedAt, consent_asked_at = :consentAskedAt,
                offered_buttons = cast(:offeredButtons as jsonb)
            where platform = :platform and chat_id = :chatId
            """)
    void update(@BindMethods Row row);
}
