package io.retainbot.core.store;

import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.port.CheckInStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbiCheckInStore implements CheckInStore {
    private static final String COLUMNS = """
            id, customer_id, cadence, about, about_id, due_at, status, sent_at, answer, answered_at, skip_reason,
            (select number from complaint where complaint.id = check_in.complaint_id) as complaint_number
            """;

    private final Handle handle;

    JdbiCheckInStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<CheckIn> plan(long customerId, String cadence, String about, long aboutId, Instant dueAt,
                                  Instant now) {
        return handle.createQuery("""
                        insert into check_in (customer_id, cadence, about, about_id, due_at, status, created_at)
                        values (:customerId, :cadence, :about, :aboutId, :dueAt, 'planned', :now)
                        on conflict (cadence, about_id) do nothing
                        returning\s""" + COLUMNS)
                .bind("customerId", customerId).bind("cadence", cadence).bind("about", about)
                .bind("aboutId", aboutId).bind("dueAt", dueAt).bind("now", now)
                .map((rs, ctx) -> checkIn(rs))
                .findOne();
    }

    @Override
    public Optional<CheckIn> find(String cadence, long aboutId) {
        return handle.createQuery("select " + COLUMNS + " from check_in where cadence = :cadence and about_id = :aboutId")
                .bind("cadence", cadence).bind("aboutId", aboutId).map((rs, ctx) -> checkIn(rs)).findOne();
    }

    @Override
    public boolean markSent(long id, Instant now) {
        return handle.createUpdate("update check_in set status = 'sent', sent_at = :now where id = :id and status = 'planned'")
                .bind("id", id).bind("now", now).execute() == 1;
    }

    @Override
    public boolean answer(long id, long customerId, CheckIn.Answer answer, Instant now) {
        return handle.createUpdate("""
                        update check_in set status = 'answered', answer = :answer, answered_at = :now
                        where id = :id and customer_id = :customerId and status = 'sent'
                        """)
                .bind("id", id).bind("customerId", customerId).bind("answer", answer.code()).bind("now", now)
                .execute() == 1;
    }

    @Override
    public boolean linkComplaint(long id, long customerId, long complaintId) {
        return handle.createUpdate("""
                        update check_in set complaint_id = :complaintId
                        where id = :id and customer_id = :customerId and answer = 'problem' and complaint_id is null
                        """)
                .bind("id", id).bind("customerId", customerId).bind("complaintId", complaintId).execute() == 1;
    }

    @Override
    public void markSkipped(String cadence, long aboutId, String reason) {
        handle.createUpdate("""
                        update check_in set status = 'skipped', skip_reason = :reason
                        where cadence = :cadence and about_id = :aboutId and status = 'planned'
                        """)
                .bind("cadence", cadence).bind("aboutId", aboutId).bind("reason", TextSanitizer.withoutNul(reason)).execute();
    }

    @Override
    public Optional<Instant> lastSent(long customerId) {
        return handle.createQuery("select max(sent_at) from check_in where customer_id = :customerId and sent_at is not null")
                .bind("customerId", customerId).mapTo(Instant.class).findOne();
    }

    @Override
    public List<CheckIn> ofCustomer(long customerId, int limit) {
        return handle.createQuery("select " + COLUMNS + """
                         from check_in where customer_id = :customerId order by due_at desc, id desc limit :limit
                        """)
                .bind("customerId", customerId).bind("limit", limit)
                .map((rs, ctx) -> checkIn(rs)).list();
    }

    private static CheckIn checkIn(ResultSet rs) throws SQLException {
        String answer = rs.getString("answer");
        return new CheckIn(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("cadence"), rs.getString("about"),
                rs.getLong("about_id"), instant(rs, "due_at"), CheckIn.Status.fromCode(rs.getString("status")),
                instant(rs, "sent_at"), answer == null ? null : CheckIn.Answer.fromCode(answer),
                instant(rs, "answered_at"), rs.getString("skip_reason"),
                rs.getObject("complaint_number") == null ? null : new ComplaintRef(rs.getLong("complaint_number")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
