package io.retainbot.core.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StaffPostDao.PostRow.class)
interface StaffPostDao {
    record PostRow(long outboxId, String platform, String chatId, String kind, Long complaintId, Long handoverId,
                   String platformMessageId) {
    }

    @SqlUpdate("""
            insert into staff_post (outbox_id, platform, chat_id, kind, complaint_id, handover_id, platform_message_id,
                                    created_at)
            select :outboxId, :platform, :chatId, :kind, :complaintId, :handoverId, o.platform_message_id, :at
            from outbox o where o.id = :outboxId
            """)
    int insert(@Bind("outboxId") long outboxId, @Bind("platform") String platform, @Bind("chatId") String chatId,
               @Bind("kind") String kind, @Bind("complaintId") Long complaintId, @Bind("handoverId") Long handoverId,
               @Bind("at") java.time.Instant at);

    @SqlQuery("""
            select outbox_id, platform, chat_id, kind, complaint_id, handover_id, platform_message_id from staff_post
            where platform = :platform and chat_id = :chatId and platform_message_id = :messageId
            order by outbox_id desc limit 1
            """)
    Optional<PostRow> findSent(@Bind("platform") String platform, @Bind("chatId") String chatId,
                               @Bind("messageId") String messageId);

    @SqlQuery("""
            select outbox_id, platform, chat_id, kind, complaint_id, handover_id, platform_message_id from staff_post
            where complaint_id = :complaintId and kind in ('complaint_ping', 'low_score_ping') order by outbox_id
            """)
    List<PostRow> complaintPings(@Bind("complaintId") long complaintId);

    @SqlQuery("""
            select outbox_id, platform, chat_id, kind, complaint_id, handover_id, platform_message_id from staff_post
            where handover_id = :handoverId and kind = 'handover_ping' order by outbox_id
            """)
    List<PostRow> handoverPings(@Bind("handoverId") long handoverId);

    @SqlQuery("""
            select outbox_id, platform, chat_id, kind, complaint_id, handover_id, platform_message_id from staff_post
            where complaint_id in (select id from complaint where customer_id = :customerId)
               or handover_id in (select id from handover_request where customer_id = :customerId)
            order by outbox_id
            """)
    List<PostRow> aboutCustomer(@Bind("customerId") long customerId);

    @SqlQuery("select exists (select 1 from outbox where id = :outboxId and status in ('pending', 'sending'))")
    boolean unsent(@Bind("outboxId") long outboxId);
}
