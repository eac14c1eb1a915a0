package io.retainbot.core.store;

import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.Purchase;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.port.SalesStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbiSalesStore implements SalesStore {
    private static final String PURCHASE_COLUMNS = """
            id, customer_id, product, purchased_on, order_reference, amount, currency, source, created_at
            """;

    private final Handle handle;

    JdbiSalesStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Purchase> recordPurchase(NewPurchase purchase, String source, Instant now) {
        return handle.createQuery("""
                        insert into purchase (customer_id, product, purchased_on, order_reference, amount, currency, source,
                                              created_at)
                        values (:customerId, :product, :purchasedOn, :orderReference, :amount, :currency, :source, :now)
                        on conflict (customer_id, order_reference) where order_reference is not null do nothing
                        returning\s""" + PURCHASE_COLUMNS)
                .bind("customerId", purchase.customerId())
                .bind("product", TextSanitizer.withoutNul(purchase.product()))
                .bind("purchasedOn", purchase.purchasedOn())
                .bind("orderReference", purchase.orderReference() == null ? null
                        : TextSanitizer.withoutNul(purchase.orderReference()))
                .bind("amount", purchase.amount())
                .bind("currency", purchase.currency())
                .bind("source", source)
                .bind("now", now)
                .map((rs, ctx) -> purchase(rs))
                .findOne();
    }

    @Override
    public List<Purchase> purchases(long customerId) {
        return handle.createQuery("select " + PURCHASE_COLUMNS + """
                         from purchase where customer_id = :customerId order by purchased_on desc, id desc
                        """)
                .bind("customerId", customerId)
                .map((rs, ctx) -> purchase(rs))
                .list();
    }

    @Override
    public Optional<String> lockStage(long customerId) {
        return handle.createQuery("select stage from customer where id = :id for update")
                .bind("id", customerId).mapTo(String.class).findOne();
    }

    @Override
    public void changeStage(StageChange change) {
        handle.createUpdate("update customer set stage = :stage, updated_at = :at where id = :id")
                .bind("stage", change.to()).bind("at", change.changedAt()).bind("id", change.customerId()).execute();
        handle.createUpdate("""
                        insert into customer_stage_change (customer_id, from_stage, to_stage, cause, staff_id, changed_at)
                        values (:customerId, :from, :to, :cause, :staffId, :at)
                        """)
                .bind("customerId", change.customerId()).bind("from", change.from()).bind("to", change.to())
                .bind("cause", change.cause()).bind("staffId", change.staffId()).bind("at", change.changedAt())
                .execute();
    }

    @Override
    public List<StageChange> stageHistory(long customerId) {
        return handle.createQuery("""
                        select customer_id, from_stage, to_stage, cause, staff_id, changed_at
                        from customer_stage_change where customer_id = :customerId order by changed_at, id
                        """)
                .bind("customerId", customerId)
                .map((rs, ctx) -> new StageChange(rs.getLong("customer_id"), rs.getString("from_stage"),
                        rs.getString("to_stage"), rs.getString("cause"), rs.getObject("staff_id", Long.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static Purchase purchase(ResultSet rs) throws SQLException {
        return new Purchase(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("product"),
                rs.getObject("purchased_on", java.time.LocalDate.class), rs.getString("order_reference"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("source"),
                rs.getTimestamp("created_at").toInstant());
    }
}
