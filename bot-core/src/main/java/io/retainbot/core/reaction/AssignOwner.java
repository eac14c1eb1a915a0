package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.customer.OwnerChanged;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.OwnerRotation;
import io.retainbot.core.staff.OwnerRule;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer who files a complaint and has no active responsible staff member gets one, by the
 * {@link OwnerRule}: of the category's active agents, whoever has waited longest since they were last given
 * a customer, then whoever looks after the fewest ({@link OwnerRotation}). The category's turn is
 * locked while it is taken, so two instances never give two customers the same turn; a customer who
 * already has an owner keeps them, so running this twice changes nothing.
 */
public final class AssignOwner implements Reaction {
    public static final String NAME = "assign_owner";
    private static final Logger log = LoggerFactory.getLogger(AssignOwner.class);

    private final OwnerRule rule;

    public AssignOwner(OwnerRule rule) {
        this.rule = rule;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return rule == OwnerRule.ROUND_ROBIN && event instanceof ComplaintFiled;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ComplaintFiled filed = (ComplaintFiled) recorded.event();
        Optional<Long> owner = session.ownership().ownerOf(filed.customerId());
        if (owner.isPresent() && session.staff().find(owner.get()).filter(StaffMember::active).isPresent()) {
            return;
        }
        session.ownership().lastRotated(filed.category()); // one new customer of a category at a time
        List<StaffMember> agents = session.staff().list(true).stream()
                .filter(staff -> staff.role() == StaffRole.AGENT && staff.handles(filed.category())).toList();
        Optional<Long> next = OwnerRotation.next(session.ownership().candidates(agents));
        if (next.isEmpty()) {
            log.info("no active agent handles {}: customer {} has no responsible staff member yet", filed.category(),
                    filed.customerId());
            return;
        }
        session.ownership().rotated(filed.category(), next.get());
        if (session.ownership().changeOwner(filed.customerId(), next.get(), null, OwnerChanged.FIRST_COMPLAINT, now)) {
            reactions.record(session, new OwnerChanged(filed.customerId(), owner.orElse(null), next.get(), null,
                    OwnerChanged.FIRST_COMPLAINT, now), now);
        }
    }
}
