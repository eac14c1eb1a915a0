package io.retainbot.core.reaction;

import io.retainbot.core.customer.OwnerChanged;
import io.retainbot.core.customer.StageOwner;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.OwnerRotation;
import io.retainbot.core.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responsible staff member of a customer who has just entered a stage, where the business names who
 * looks after customers in it ({@link StageOwner}), by the staff issue's ownership rules: a customer whose
 * owner may look after the stage keeps them; otherwise the stage's next staff member in turn takes over
 * ({@link OwnerRotation}: whoever waited longest since they were last given a customer, then whoever looks
 * after the fewest), the stage's turn locked while it is taken. Each change is recorded with who changed the
 * stage and when ({@link OwnerChanged#STAGE}). Called in the transaction that changed the stage.
 */
public final class StageOwnership {
    private static final Logger log = LoggerFactory.getLogger(StageOwnership.class);
    /** The rotation's memory per stage is kept beside the categories', under this prefix. */
    static final String TURN_PREFIX = "stage:";

    private final Stages stages;

    public StageOwnership(Stages stages) {
        this.stages = stages;
    }

    /**
     * Applies the stage's rule to the customer now in {@code stage}; returns their responsible staff member
     * afterwards (empty: nobody).
     *
     * @param byStaffId who changed the stage (null: an event, or the business through the admin token)
     */
    public Optional<Long> apply(StoreSession session, Reactions reactions, long customerId, String stage,
                                Long byStaffId, Instant now) {
        Optional<Long> owner = session.ownership().ownerOf(customerId);
        Optional<StageOwner> rule = stages.owner(stage);
        if (rule.isEmpty()) {
            return owner;
        }
        if (owner.flatMap(id -> session.staff().find(id)).filter(rule.get()::allows).isPresent()) {
            return owner;
        }
        session.ownership().lastRotated(TURN_PREFIX + stage); // one customer entering the stage at a time
        List<StaffMember> eligible = session.staff().list(true).stream().filter(rule.get()::allows).toList();
        Optional<Long> next = OwnerRotation.next(session.ownership().candidates(eligible));
        if (next.isEmpty()) {
            log.info("nobody active may look after customers in the stage {}: customer {} keeps {}", stage, customerId,
                    owner.map(id -> "staff member " + id).orElse("no responsible staff member"));
            return owner;
        }
        session.ownership().rotated(TURN_PREFIX + stage, next.get());
        if (session.ownership().changeOwner(customerId, next.get(), byStaffId, OwnerChanged.STAGE, now)) {
            reactions.record(session, new OwnerChanged(customerId, owner.orElse(null), next.get(), byStaffId,
                    OwnerChanged.STAGE, now), now);
        }
        return next;
    }
}
