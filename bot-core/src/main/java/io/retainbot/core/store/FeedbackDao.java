package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FeedbackDao.SuggestionRow.class)
@RegisterConstructorMapper(FeedbackDao.HandoverRow.class)
@RegisterConstructorMapper(FeedbackDao.HandoverMessageRow.class)
interface FeedbackDao {
    record SuggestionRow(long id, long customerId, String platform, String chatId, String text, Instant createdAt) {
    }

    record HandoverRow(long id, long customerId, String platform, String chatId, String status, Instant createdAt,
                       Long takenByStaffId, Instant takenAt, Instant closedAt) {
    }

    record HandoverMessageRow(long id, long requestId, Long staffId, String text, String[] photos, String sentText,
                              Instant occurredAt) {
    }

    @SqlUpdate("""
            insert into handover_message (request_id, direction, staff_id, text, photos, sent_text, occurred_at)
            values (:requestId, case when cast(:staffId as bigint) is null then 'inbound' else 'outbound' end,
                    :staffId, :text, :photos, :sentText, :at)
            """)
    void insertHandoverMessage(@Bind("requestId") long requestId, @Bind("staffId") Long staffId,
                               @Bind("text") String text, @Bind("photos") String[] photos,
                               @Bind("sentText") String sentText, @Bind("at") Instant at);

    @SqlQuery("""
            select * from (
                select id, request_id, staff_id, text, photos, sent_text, occurred_at from handover_message
                where request_id = :requestId order by occurred_at desc, id desc limit :limit
            ) newest order by occurred_at, id
            """)
    List<HandoverMessageRow> handoverMessages(@Bind("requestId") long requestId, @Bind("limit") int limit);

    @SqlQuery("""
            select id, request_id, staff_id, text, photos, sent_text, occurred_at from handover_message
            where request_id = :requestId and id = :id
            """)
    Optional<HandoverMessageRow> handoverMessage(@Bind("requestId") long requestId, @Bind("id") long id);

    @SqlQuery("""
            insert into suggestion (customer_id, platform, chat_id, text, created_at)
            values (:customerId, :platform, :chatId, :text, :at)
            returning id, customer_id, platform, chat_id, text, created_at
            """)
    SuggestionRow insertSuggestion(@Bind("customerId") long customerId, @Bind("platform") String platform,
                                   @Bind("chatId") String chatId, @Bind("text") String text, @Bind("at") Instant at);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, text, created_at from suggestion
            order by created_at desc, id desc limit :limit offset :offset
            """)
    List<SuggestionRow> suggestions(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request
            where customer_id = :customerId and platform = :platform and chat_id = :chatId and status = 'open'
            """)
    Optional<HandoverRow> openHandover(@Bind("customerId") long customerId, @Bind("platform") String platform,
                                       @Bind("chatId") String chatId);

    @SqlQuery("""
            insert into handover_request (customer_id, platform, chat_id, created_at)
            values (:customerId, :platform, :chatId, :at)
            returning id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            """)
    HandoverRow insertHandover(@Bind("customerId") long customerId, @Bind("platform") String platform,
                               @Bind("chatId") String chatId, @Bind("at") Instant at);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request
            where status = 'open' order by created_at, id limit :limit offset :offset
            """)
    List<HandoverRow> openHandovers(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request
            where status in ('open', 'taken') order by created_at, id limit :limit
            """)
    List<HandoverRow> activeHandovers(@Bind("limit") int limit);

    @SqlQuery("select count(*) from handover_request where status = 'open'")
    int openHandoverCount();

    @SqlUpdate("""
            update handover_request set status = 'cancelled', closed_at = :at
            where customer_id = :customerId and platform = :platform and chat_id = :chatId and status = 'open'
            """)
    int cancelHandover(@Bind("customerId") long customerId, @Bind("platform") String platform,
                       @Bind("chatId") String chatId, @Bind("at") Instant at);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request where id = :id
            """)
    Optional<HandoverRow> findHandover(@Bind("id") long id);

    @SqlUpdate("""
            update handover_request set status = 'taken', taken_by_staff_id = :staffId, taken_at = :at
            where id = :id and status = 'open'
            """)
    int takeHandover(@Bind("id") long id, @Bind("staffId") long staffId, @Bind("at") Instant at);

    @SqlUpdate("""
            update handover_request set status = 'closed', closed_at = :at
            where id = :id and status in ('open', 'taken')
            """)
    int closeHandover(@Bind("id") long id, @Bind("at") Instant at);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request where taken_by_staff_id = :staffId and status = 'taken' order by taken_at, id
            """)
    List<HandoverRow> takenBy(@Bind("staffId") long staffId);

    @SqlQuery("""
            select id, customer_id, platform, chat_id, status, created_at, taken_by_staff_id, taken_at, closed_at
            from handover_request where platform = :platform and chat_id = :chatId and status in ('open', 'taken')
            order by created_at desc, id desc limit 1
            """)
    Optional<HandoverRow> activeIn(@Bind("platform") String platform, @Bind("chatId") String chatId);
}
