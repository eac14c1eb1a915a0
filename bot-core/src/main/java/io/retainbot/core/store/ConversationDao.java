package io.retainbot.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ConversationDao.Row.class)
interface ConversationDao {
    record Row(String platform, String chatId, Long customerId, String flow, String state, String data,
               Instant handedOverAt, Instant startedAt, Instant updatedAt, Instant consentAskedAt,
               String offeredButtons) {
    }

    @SqlQuery("""
            select platform, chat_id, customer_id, flow, state, data::text as data, handed_over_at, started_at, updated_at,
                   consent_asked_at, offered_buttons::text as offered_buttons
            from conversation where platform = :platform and chat_id = :chatId
            """)
    Optional<Row> find(@Bind("platform") String platform, @Bind("chatId") String chatId);
}
