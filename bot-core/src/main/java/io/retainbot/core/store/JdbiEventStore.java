package io.retainbot.core.store;

import io.retainbot.core.complaint.ComplaintEvent;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.EventStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

final class JdbiEventStore implements EventStore {
    private static final int MAX_ERROR = 2000;

    /** Recording an event (every filed complaint, every staff use case) is plain JDBC, the rest the DAO's. */
    private static final String APPEND = """
            insert into domain_event (kind, customer_id, complaint_id, payload, occurred_at)
            values (?, ?, ?, cast(? as jsonb), ?)
            returning id
            """;
    private static final String ADD_DELIVERY = """
            insert into domain_event_delivery (event_id, handler, not_before) values (?, ?, ?)
            """;

    private final JdbcStatements statements;
    private final Supplier<EventDao> daos;

    JdbiEventStore(JdbcStatements statements, Supplier<EventDao> daos) {
        this.statements = statements;
        this.daos = daos;
    }

    @Override
    public RecordedEvent append(DomainEvent event, Collection<String> handlers, Instant now) {
        Long complaintId = event instanceof ComplaintEvent about ? about.complaintId() : null;
        long id = statements.first(APPEND, row -> row.getLong(1), event.kind(), event.customerId(), complaintId,
                DomainEventCodec.write(event), event.occurredAt()).orElseThrow();
        for (String handler : List.copyOf(handlers)) {
            statements.update(ADD_DELIVERY, id, handler, now);
        }
        return new RecordedEvent(id, event);
    }

    private EventDao dao() {
        return daos.get();
    }

    @Override
    public Optional<Delivery> lockNextDue(Instant now) {
        return dao().lockNextDue(now).map(row -> new Delivery(
                new RecordedEvent(row.id(), DomainEventCodec.read(row.kind(), row.payload())), row.handler(),
                row.attempts()));
    }

    @Override
    public void markDone(long eventId, String handler, Instant at) {
        dao().markDone(eventId, handler, at);
    }

    @Override
    public void retryLater(long eventId, String handler, Instant notBefore, String error) {
        dao().retryLater(eventId, handler, notBefore, bounded(error));
    }

    @Override
    public void waitUntil(long eventId, String handler, Instant notBefore, String why) {
        dao().waitUntil(eventId, handler, notBefore, bounded(why));
    }

    @Override
    public void markFailed(long eventId, String handler, String error, Instant at) {
        dao().markFailed(eventId, handler, bounded(error), at);
    }

    @Override
    public Optional<Instant> nextDue() {
        return dao().nextDue();
    }

    @Override
    public List<RecordedEvent> ofCustomer(long customerId, int limit) {
        return dao().ofCustomer(customerId, limit).stream().map(JdbiEventStore::recorded).toList();
    }

    @Override
    public List<RecordedEvent> ofComplaint(long complaintId, int limit) {
        return dao().ofComplaint(complaintId, limit).stream().map(JdbiEventStore::recorded).toList();
    }

    private static RecordedEvent recorded(EventDao.Row row) {
        return new RecordedEvent(row.id(), DomainEventCodec.read(row.kind(), row.payload()));
    }

    private static String bounded(String error) {
        String text = TextSanitizer.withoutNul(error == null ? "" : error);
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
