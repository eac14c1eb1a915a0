package io.retainbot.core.store;

import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.ReviewDue;
import io.retainbot.core.customer.TierRule;
import io.retainbot.core.port.ReviewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;

final class JdbiReviewStore implements ReviewStore {
    private static final String COLUMNS = """
            id, customer_id, source, staff_id, outcome, notes, next_step, satisfaction, values_most, needs,
            other_vendors, reviewed_at, complete
            """;

    private final Handle handle;

    JdbiReviewStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public AccountReview record(AccountReview review) {
        return handle.createQuery("""
                        insert into account_review (customer_id, source, staff_id, outcome, notes, next_step, satisfaction,
                                                    values_most, needs, other_vendors, reviewed_at)
                        values (:customerId, :source, :staffId, :outcome, :notes, :nextStep, :satisfaction,
                                :valuesMost, :needs, :otherVendors, :at)
                        returning\s""" + COLUMNS)
                .bind("customerId", review.customerId())
                .bind("source", review.source().code())
                .bind("staffId", review.staffId())
                .bind("outcome", review.outcome() == null ? null : review.outcome().code())
                .bind("notes", emptyAsNull(review.notes()))
                .bind("nextStep", emptyAsNull(review.nextStep()))
                .bind("satisfaction", review.satisfaction())
                .bind("valuesMost", emptyAsNull(review.valuesMost()))
                .bind("needs", emptyAsNull(review.needs()))
                .bind("otherVendors", emptyAsNull(review.otherVendors()))
                .bind("at", review.reviewedAt())
                .map((rs, ctx) -> review(rs))
                .one();
    }

    @Override
    public AccountReview recordAnswers(AccountReview answers, String round) {
        return handle.createQuery("""
                        insert into account_review (customer_id, source, satisfaction, values_most, needs, other_vendors,
                                                    reviewed_at, complete, round)
                        values (:customerId, 'customer', :satisfaction, :valuesMost, :needs, :otherVendors, :at,
                                :complete, :round)
                        on conflict (customer_id, round) where round is not null do update
                        set satisfaction = excluded.satisfaction, values_most = excluded.values_most,
                            needs = excluded.needs, other_vendors = excluded.other_vendors,
                            reviewed_at = excluded.reviewed_at, complete = excluded.complete
                        returning\s""" + COLUMNS)
                .bind("customerId", answers.customerId())
                .bind("satisfaction", answers.satisfaction())
                .bind("valuesMost", emptyAsNull(answers.valuesMost()))
                .bind("needs", emptyAsNull(answers.needs()))
                .bind("otherVendors", emptyAsNull(answers.otherVendors()))
                .bind("at", answers.reviewedAt())
                .bind("complete", answers.complete())
                .bind("round", TextSanitizer.withoutNul(round))
                .map((rs, ctx) -> review(rs))
                .one();
    }

    @Override
    public void snooze(long customerId, LocalDate until, Long staffId, Instant now) {
        handle.createUpdate("""
                        insert into review_snooze (customer_id, until, staff_id, snoozed_at)
                        values (:customerId, :until, :staffId, :now)
                        on conflict (customer_id) do update
                        set until = excluded.until, staff_id = excluded.staff_id, snoozed_at = excluded.snoozed_at
                        """)
                .bind("customerId", customerId).bind("until", until).bind("staffId", staffId).bind("now", now)
                .execute();
    }

    @Override
    public List<AccountReview> ofCustomer(long customerId, int limit) {
        return handle.createQuery("select " + COLUMNS + """
                         from account_review where customer_id = :customerId order by reviewed_at desc, id desc
                         limit :limit
                        """)
                .bind("customerId", customerId).bind("limit", limit)
                .map((rs, ctx) -> review(rs)).list();
    }

    @Override
    public List<ReviewDue> due(Long ownerId, LocalDate until, AccountReviews settings, ZoneId zone, LocalDate today,
                               int limit) {
        return handle.createQuery("""
                        with reviewed as (
                            select customer_id, max(reviewed_at) as last_at from account_review group by customer_id
                        ), accounts as (
                            select c.id, c.display_name, c.responsible_staff_id, c.tier, r.last_at,
                                   coalesce(r.last_at, c.created_at) as since,
                                   greatest((cast(coalesce(r.last_at, c.created_at) at time zone :zone as date)
                                    + case c.tier when 'high' then make_interval(months => :high)
                                                  when 'medium' then make_interval(months => :medium)
                                                  else make_interval(months => :low) end)::date, s.until) as due_on
                            from customer c
                            left join reviewed r on r.customer_id = c.id
                            left join review_snooze s on s.customer_id = c.id
                            where c.erased_at is null
                              and (cast(:ownerId as bigint) is null or c.responsible_staff_id = :ownerId)
                        )
                        select a.*,
                               (select count(*) from purchase p
                                where p.customer_id = a.id and p.purchased_on > :yearAgo) as recent_purchases,
                               (select max(p.purchased_on) from purchase p where p.customer_id = a.id) as last_purchase
                        from accounts a
                        where a.due_on <= :until
                        order by a.due_on, a.id
                        limit :limit
                        """)
                .bind("zone", zone.getId())
                .bind("high", (int) settings.interval(OpportunityTier.HIGH).toTotalMonths())
                .bind("medium", (int) settings.interval(OpportunityTier.MEDIUM).toTotalMonths())
                .bind("low", (int) settings.interval(OpportunityTier.LOW).toTotalMonths())
                .bind("ownerId", ownerId)
                .bind("yearAgo", today.minusYears(1))
                .bind("until", until)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    String tier = rs.getString("tier");
                    return new ReviewDue(rs.getLong("id"), rs.getString("display_name"),
                            rs.getObject("responsible_staff_id", Long.class),
                            tier == null ? null : OpportunityTier.fromCode(tier),
                            TierRule.suggest(rs.getInt("recent_purchases"), rs.getObject("last_purchase", LocalDate.class),
                                    today),
                            instant(rs, "last_at"), instant(rs, "since"), rs.getObject("due_on", LocalDate.class));
                })
                .list();
    }

    private static AccountReview review(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new AccountReview(rs.getLong("id"), rs.getLong("customer_id"),
                AccountReview.Source.fromCode(rs.getString("source")), rs.getObject("staff_id", Long.class),
                outcome == null ? null : AccountReview.Outcome.fromCode(outcome), rs.getString("notes"),
                rs.getString("next_step"), rs.getObject("satisfaction", Integer.class), rs.getString("values_most"),
                rs.getString("needs"), rs.getString("other_vendors"), instant(rs, "reviewed_at"),
                rs.getBoolean("complete"));
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isBlank() ? null : TextSanitizer.withoutNul(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
