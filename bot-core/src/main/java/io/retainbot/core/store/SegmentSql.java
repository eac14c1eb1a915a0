package io.retainbot.core.store;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.outreach.SegmentFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A segment filter as a SQL condition over {@code customer c}: assembled from a fixed set of
 * fragments written here, each value bound as a parameter, so nothing a user types ever becomes SQL.
 * Every criterion is one indexed predicate or one correlated {@code exists}, so PostgreSQL
 * evaluates a segment in one set-based pass, however many customers there are.
 */
final class SegmentSql {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object[]> arrays = new LinkedHashMap<>();

    private SegmentSql() {
    }

    static SegmentSql of(SegmentFilter filter, Instant now) {
        SegmentSql sql = new SegmentSql();
        if (!filter.anyTags().isEmpty()) {
            sql.array("anyTags", tags(filter.anyTags()));
            sql.conditions.add("exists (select 1 from customer_tag t where t.customer_id = c.id and t.tag = any(:anyTags))");
        }
        if (!filter.allTags().isEmpty()) {
            sql.array("allTags", tags(filter.allTags()));
            sql.value("allTagCount", filter.allTags().size());
            sql.conditions.add("(select count(*) from customer_tag t where t.customer_id = c.id "
                    + "and t.tag = any(:allTags)) = :allTagCount");
        }
        if (!filter.noTags().isEmpty()) {
            sql.array("noTags", tags(filter.noTags()));
            sql.conditions.add("not exists (select 1 from customer_tag t where t.customer_id = c.id "
                    + "and t.tag = any(:noTags))");
        }
        if (!filter.languages().isEmpty()) {
            sql.array("languages", filter.languages().toArray(String[]::new));
            sql.conditions.add("c.language = any(:languages)");
        }
        if (!filter.channels().isEmpty()) {
            sql.array("channels", filter.channels().stream().map(Platform::code).toArray(String[]::new));
            sql.conditions.add("exists (select 1 from channel_identity i where i.customer_id = c.id "
                    + "and i.platform = any(:channels) and i.unreachable_since is null)");
        }
        if (!filter.tiers().isEmpty()) {
            sql.array("tiers", filter.tiers().stream().map(OpportunityTier::code).toArray(String[]::new));
            sql.conditions.add("c.tier = any(:tiers)");
        }
        if (filter.responsibleStaffId() != null) {
            sql.value("responsibleStaffId", filter.responsibleStaffId());
            sql.conditions.add("c.responsible_staff_id = :responsibleStaffId");
        }
        if (filter.consent() != null) {
            sql.conditions.add(switch (filter.consent()) {
                case GRANTED -> "c.consent_granted";
                case REFUSED -> "(c.consent_answered_at is not null and not c.consent_granted)";
                case UNANSWERED -> "c.consent_answered_at is null";
            });
        }
        if (filter.lastContactBefore() != null) {
            sql.value("lastContactBefore", filter.lastContactBefore());
            sql.conditions.add("(c.last_contact_at is null or c.last_contact_at < :lastContactBefore)");
        }
        if (filter.lastContactAfter() != null) {
            sql.value("lastContactAfter", filter.lastContactAfter());
            sql.conditions.add("c.last_contact_at >= :lastContactAfter");
        }
        if (filter.hasOpenComplaint() != null) {
            sql.conditions.add((filter.hasOpenComplaint() ? "" : "not ") + "exists (select 1 from complaint k "
                    + "where k.customer_id = c.id and k.status in ('open', 'in_progress'))");
        }
        if (filter.recentComplaints() != null) {
            sql.value("complaintsSince", now.minus(Duration.ofDays(filter.recentComplaints().days())));
            sql.value("complaintsAtLeast", filter.recentComplaints().atLeast());
            sql.conditions.add("(select count(*) from complaint k where k.customer_id = c.id "
                    + "and k.created_at >= :complaintsSince) >= :complaintsAtLeast");
        }
        if (!filter.birthdayMonths().isEmpty()) {
            sql.array("birthdayMonths", filter.birthdayMonths().toArray(Integer[]::new));
            sql.conditions.add("c.birth_month = any(:birthdayMonths)");
        }
        if (filter.customerSinceAfter() != null) {
            sql.value("customerSinceAfter", filter.customerSinceAfter());
            sql.conditions.add("c.created_at >= :customerSinceAfter");
        }
        if (filter.customerSinceBefore() != null) {
            sql.value("customerSinceBefore", filter.customerSinceBefore());
            sql.conditions.add("c.created_at < :customerSinceBefore");
        }
        return sql;
    }

    /** Narrows to customers whose birthday falls on {@code date} (29 February on 28 February outside leap years). */
    SegmentSql birthdayOn(java.time.LocalDate date) {
        value("birthMonth", date.getMonthValue());
        value("birthDay", date.getDayOfMonth());
        value("leapDayFallsHere", date.getMonthValue() == 2 && date.getDayOfMonth() == 28 && !date.isLeapYear());
        conditions.add("((c.birth_month = :birthMonth and c.birth_day = :birthDay)"
                + " or (:leapDayFallsHere and c.birth_month = 2 and c.birth_day = 29))");
        return this;
    }

    /** The condition, {@code true} when the filter matches everyone. */
    String where() {
        return conditions.isEmpty() ? "true" : String.join("\n  and ", conditions);
    }

    /** Binds the filter's values to a statement whose SQL contains {@link #where()}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        values.forEach(statement::bind);
        arrays.forEach((name, array) -> statement.bindArray(name, array.getClass().getComponentType(), array));
        return statement;
    }

    private void value(String name, Object value) {
        values.put(name, value);
    }

    private void array(String name, Object[] array) {
        arrays.put(name, array);
    }

    private static String[] tags(java.util.Set<Tag> tags) {
        return tags.stream().map(Tag::name).toArray(String[]::new);
    }
}
