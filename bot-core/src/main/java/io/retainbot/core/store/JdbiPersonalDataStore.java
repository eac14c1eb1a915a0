package io.retainbot.core.store;

import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.DataSummary;
import io.retainbot.core.customer.Erasure;
import io.retainbot.core.port.PersonalDataStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The customer's own data across every table, driven by {@link PersonalData}: the export reads its
 * queries, the erasure runs its statements in order, in the caller's transaction.
 */
final class JdbiPersonalDataStore implements PersonalDataStore {
    private final Handle handle;

    JdbiPersonalDataStore(Handle handle) {
        this.handle = handle;
    }

    private record SummaryRow(String displayName, String phone, String email, String company, Integer birthMonth,
                              Integer birthDay, Integer birthYear, boolean consentGranted, Instant createdAt,
                              int complaints, int openComplaints, int messages, int tags) {
    }

    @Override
    public Optional<DataSummary> summary(long customerId) {
        Optional<SummaryRow> row = handle.createQuery("""
                        select c.display_name, c.phone, c.email, c.company, c.birth_month, c.birth_day, c.birth_year,
                               c.consent_granted, c.created_at,
                               (select count(*) from complaint where customer_id = c.id)::int as complaints,
                               (select count(*) from complaint where customer_id = c.id
                                   and status in ('open', 'in_progress'))::int as open_complaints,
                               (select count(*) from interaction where customer_id = c.id)::int as messages,
                               (select count(*) from customer_tag where customer_id = c.id)::int as tags
                        from customer c where c.id = :id
                        """)
                .bind("id", customerId)
                .map((rs, ctx) -> new SummaryRow(rs.getString("display_name"), rs.getString("phone"),
                        rs.getString("email"), rs.getString("company"), (Integer) rs.getObject("birth_month", Integer.class),
                        rs.getObject("birth_day", Integer.class), rs.getObject("birth_year", Integer.class),
                        rs.getBoolean("consent_granted"), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("complaints"), rs.getInt("open_complaints"), rs.getInt("messages"), rs.getInt("tags")))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> chats = handle.createQuery("""
                        select platform from channel_identity where customer_id = :id order by created_at, platform
                        """)
                .bind("id", customerId).mapTo(String.class).list();
        SummaryRow found = row.get();
        Birthday birthday = found.birthMonth() == null ? null
                : new Birthday(found.birthMonth(), found.birthDay(), found.birthYear());
        return Optional.of(new DataSummary(found.displayName(), found.phone(), found.email(), found.company(), birthday,
                chats, found.complaints(), found.openComplaints(), found.messages(), found.tags(),
                found.consentGranted(), found.createdAt()));
    }

    @Override
    public Optional<Map<String, String>> export(long customerId) {
        if (!exists(customerId)) {
            return Optional.empty();
        }
        Map<String, String> tables = new LinkedHashMap<>();
        PersonalData.EXPORT.forEach((table, query) -> tables.put(table,
                handle.createQuery(query).bind("id", customerId).mapTo(String.class).one()));
        return Optional.of(tables);
    }

    @Override
    public Optional<Map<String, Integer>> erase(Erasure erasure, Instant now) {
        if (handle.createQuery("select id from customer where id = :id for update").bind("id", erasure.customerId())
                .mapTo(Long.class).findOne().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (PersonalData.Statement statement : PersonalData.ERASE) {
            org.jdbi.v3.core.statement.Update update = handle.createUpdate(statement.sql()).bind("id", erasure.customerId());
            if (statement.sql().contains(":now")) {
                update.bind("now", now);
            }
            if (statement.sql().contains(":keepFrom")) {
                update.bindByType("keepFrom", erasure.requestedAt(), java.time.Instant.class);
            }
            int rows = update.execute();
            changed.merge(statement.table(), rows, Integer::sum);
        }
        handle.createUpdate("""
                        insert into customer_erasure (customer_id, requested_by, staff_id, reason, erased_at)
                        values (:id, :requestedBy, :staffId, :reason, :now)
                        """)
                .bind("id", erasure.customerId())
                .bind("requestedBy", erasure.requestedBy().name().toLowerCase(Locale.ROOT))
                .bind("staffId", erasure.staffId())
                .bind("reason", TextSanitizer.withoutNul(erasure.reason()))
                .bind("now", now)
                .execute();
        return Optional.of(changed);
    }

    @Override
    public Optional<Instant> erasedAt(long customerId) {
        return handle.createQuery("select erased_at from customer where id = :id").bind("id", customerId)
                .mapTo(Instant.class).findOne();
    }

    private boolean exists(long customerId) {
        return handle.createQuery("select exists (select 1 from customer where id = :id)").bind("id", customerId)
                .mapTo(Boolean.class).one();
    }
}
