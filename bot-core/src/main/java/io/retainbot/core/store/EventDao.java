package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(EventDao.Row.class)
@RegisterConstructorMapper(EventDao.DeliveryRow.class)
interface EventDao {
    record Row(long id, String kind, String payload) {
    }

    record DeliveryRow(long id, String kind, String payload, String handler, int attempts) {
    }

    @SqlQuery("""
            select e.id, e.kind, e.payload::text as payload, d.handler, d.attempts
            from domain_event_delivery d join domain_event e on e.id = d.event_id
            where d.status = 'pending' and d.not_before <= :now
            order by d.not_before, d.event_id
            limit 1
            for update of d skip locked
            """)
    Optional<DeliveryRow> lockNextDue(@Bind("now") Instant now);

    @SqlUpdate("""
            update domain_event_delivery set status = 'done', attempts = attempts + 1, finished_at = :at, last_error = null
            where event_id = :eventId and handler = :handler
            """)
    void markDone(@Bind("eventId") long eventId, @Bind("handler") String handler, @Bind("at") Instant at);

    @SqlUpdate("""
            update domain_event_delivery set attempts = attempts + 1, not_before = :notBefore, last_error = :error
            where event_id = :eventId and handler = :handler and status = 'pending'
            """)
    void retryLater(@Bind("eventId") long eventId, @Bind("handler") String handler,
                    @Bind("notBefore") Instant notBefore, @Bind("error") String error);

    @SqlUpdate("""
            update domain_event_delivery set not_before = :notBefore, last_error = :why
            where event_id = :eventId and handler = :handler and status = 'pending'
            """)
    void waitUntil(@Bind("eventId") long eventId, @Bind("handler") String handler,
                   @Bind("notBefore") Instant notBefore, @Bind("why") String why);

    @SqlUpdate("""
            update domain_event_delivery set status = 'failed', attempts = attempts + 1, finished_at = :at,
                   last_error = :error
            where event_id = :eventId and handler = :handler and status = 'pending'
            """)
    void markFailed(@Bind("eventId") long eventId, @Bind("handler") String handler, @Bind("error") String error,
                    @Bind("at") Instant at);

    @SqlQuery("select min(not_before) from domain_event_delivery where status = 'pending'")
    Optional<Instant> nextDue();

    @SqlQuery("""
            select id, kind, payload::text as payload from domain_event
            where customer_id = :customerId order by id limit :limit
            """)
    List<Row> ofCustomer(@Bind("customerId") long customerId, @Bind("limit") int limit);

    @SqlQuery("""
            select id, kind, payload::text as payload from domain_event
            where complaint_id = :complaintId order by id limit :limit
            """)
    List<Row> ofComplaint(@Bind("complaintId") long complaintId, @Bind("limit") int limit);
}
