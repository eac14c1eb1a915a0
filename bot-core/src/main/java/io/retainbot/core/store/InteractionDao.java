package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(InteractionDao.Row.class)
interface InteractionDao {
    record Row(long id, Long customerId, String platform, String chatId, String direction, String kind,
               String platformMessageId, String summary, Instant occurredAt, Long complaintNumber) {
    }

    @SqlQuery("""
            select * from interaction where customer_id = :customerId
            order by occurred_at desc, id desc limit :limit
            """)
    List<Row> ofCustomer(@Bind("customerId") long customerId, @Bind("limit") int limit);

    @SqlQuery("""
            select * from interaction where complaint_number = :number
            order by occurred_at, id limit :limit
            """)
    List<Row> ofComplaint(@Bind("number") long number, @Bind("limit") int limit);

    @SqlQuery("""
            select * from interaction
            where platform = :platform and chat_id = :chatId and occurred_at between :from and :to
            order by occurred_at, id limit :limit
            """)
    List<Row> inChat(@Bind("platform") String platform, @Bind("chatId") String chatId, @Bind("from") Instant from,
                     @Bind("to") Instant to, @Bind("limit") int limit);

    @SqlQuery("""
            select * from (
                select * from interaction
                where platform = :platform and chat_id = :chatId and occurred_at between :from and :to
                order by occurred_at desc, id desc limit :limit
            ) recent order by occurred_at, id
            """)
    List<Row> recentInChat(@Bind("platform") String platform, @Bind("chatId") String chatId,
                           @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);
}
