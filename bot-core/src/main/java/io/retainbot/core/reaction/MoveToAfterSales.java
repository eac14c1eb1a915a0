package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.customer.PurchaseRecorded;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;
import java.util.Optional;

/**
 * A complaint or a purchase moves the customer to the after-sales stage (a customer already there stays,
 * and nothing is recorded), so running it twice records one change. Where the business names who looks after
 * customers in after-sales, the customer moves to one of them ({@link StageOwnership}).
 */
public final class MoveToAfterSales implements Reaction {
    public static final String NAME = "move_to_after_sales";

    private final Stages stages;
    private final StageOwnership owners;

    public MoveToAfterSales(Stages stages) {
        this.stages = stages;
        this.owners = new StageOwnership(stages);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintFiled || event instanceof PurchaseRecorded;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        DomainEvent event = recorded.event();
        Optional<String> current = session.sales().lockStage(event.customerId());
        if (current.filter(stages.afterSales()::equals).isPresent()) {
            return;
        }
        if (session.customers().find(event.customerId()).isEmpty()) {
            return;
        }
        String cause = event instanceof ComplaintFiled ? "complaint" : "purchase";
        session.sales().changeStage(new StageChange(event.customerId(), current.orElse(null), stages.afterSales(),
                cause, null, event.occurredAt()));
        owners.apply(session, reactions, event.customerId(), stages.afterSales(), null, now);
    }
}
