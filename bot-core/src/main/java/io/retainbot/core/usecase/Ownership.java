package io.retainbot.core.usecase;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintReassigned;
import io.retainbot.core.customer.OwnerChanged;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.OwnerRotation;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.usecase.CareInputs.ReassignCustomer;
import io.retainbot.core.usecase.CareInputs.StaffLeaves;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who looks after each customer: moving one customer to another staff member, and a staff member
 * leaving (made inactive; their customers spread evenly over the active agents, so nobody is lost with
 * them; their open complaints follow each customer to the new owner). Every change is recorded with who
 * decided and when, and as an {@link OwnerChanged} event.
 */
public final class Ownership {
    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;
    private final Runnable afterCommit;

    public Ownership(Transactor transactor, Reactions reactions, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public OwnerResult reassign(ReassignCustomer input) {
        OwnerResult result = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            Optional<OwnerResult> refused = refused(session, input.actor(), input.customerId());
            if (refused.isPresent()) {
                return refused.get();
            }
            if (active(session, input.toStaffId()).isEmpty()) {
                return unknownStaff(input.toStaffId());
            }
            change(session, input.customerId(), input.toStaffId(), input.actor().staffId(), OwnerChanged.REASSIGNED,
                    now);
            return new OwnerResult.Done(Map.of(input.customerId(), input.toStaffId()));
        });
        finish(result);
        return result;
    }

    /** Nobody looks after the customer any more; done (with no new owner) also when nobody did. */
    public OwnerResult release(CareInputs.ReleaseCustomer input) {
        OwnerResult result = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            Optional<OwnerResult> refused = refused(session, input.actor(), input.customerId());
            if (refused.isPresent()) {
                return refused.get();
            }
            change(session, input.customerId(), null, input.actor().staffId(), OwnerChanged.REASSIGNED, now);
            return new OwnerResult.Done(Map.of());
        });
        finish(result);
        return result;
    }

    public OwnerResult staffLeaves(StaffLeaves input) {
        OwnerResult result = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (input.actor().staff().isPresent() && active(session, input.actor().staffId()).isEmpty()) {
                return unknownStaff(input.actor().staffId());
            }
            if (session.staff().find(input.staffId()).isEmpty()) {
                return new OwnerResult.Refused(CareResult.Reason.NOT_FOUND, "no staff member " + input.staffId());
            }
            List<Long> customers = session.ownership().customersOf(input.staffId());
            List<StaffMember> agents = session.staff().list(true).stream()
                    .filter(staff -> staff.role() == StaffRole.AGENT && staff.id() != input.staffId()).toList();
            if (!customers.isEmpty() && agents.isEmpty()) {
                return new OwnerResult.Refused(CareResult.Reason.CONFLICT, "staff member " + input.staffId()
                        + " looks after " + customers.size() + " customers and there is no other active agent to "
                        + "hand them to; add one first");
            }
            session.staff().setActive(input.staffId(), false);
            Map<Long, Long> plan = customers.isEmpty() ? Map.of()
                    : OwnerRotation.spread(customers, session.ownership().candidates(agents));
            Map<Long, Long> owners = new LinkedHashMap<>();
            plan.forEach((customer, agent) -> {
                change(session, customer, agent, input.actor().staffId(), OwnerChanged.STAFF_LEFT, now);
                moveOpenComplaints(session, customer, input.staffId(), agent, input.actor().staffId(), now);
                owners.put(customer, agent);
            });
            return new OwnerResult.Done(owners);
        });
        if (result instanceof OwnerResult.Done done) {
            log.info("staff member {} left; {} customers handed over", input.staffId(), done.owners().size());
        }
        finish(result);
        return result;
    }

    /** Sets the owner (null: nobody) and records it, unless they already are; false when nothing changed. */
    boolean change(StoreSession session, long customerId, Long toStaffId, Long byStaffId, String reason, Instant now) {
        Long from = session.ownership().ownerOf(customerId).orElse(null);
        if (!session.ownership().changeOwner(customerId, toStaffId, byStaffId, reason, now)) {
            return false;
        }
        reactions.record(session, new OwnerChanged(customerId, from, toStaffId, byStaffId, reason, now), now);
        return true;
    }

    private void moveOpenComplaints(StoreSession session, long customerId, long leaver, long agent, Long byStaffId,
                                    Instant now) {
        for (Complaint complaint : session.complaints().forCustomer(customerId, 200)) {
            if (complaint.status().isActive() && complaint.assigneeStaffId() != null
                    && complaint.assigneeStaffId() == leaver && session.complaints().reassign(complaint.id(), agent, now)) {
                reactions.record(session, new ComplaintReassigned(complaint.id(), complaint.ref(), customerId, leaver,
                        agent, byStaffId, now), now);
            }
        }
    }

    private void finish(OwnerResult result) {
        if (result instanceof OwnerResult.Done) {
            afterCommit.run();
        }
    }

    private static Optional<StaffMember> active(StoreSession session, long staffId) {
        return session.staff().find(staffId).filter(StaffMember::active);
    }

    /** Why {@code actor} may not change who looks after the customer (not active staff, no such customer); empty if they may. */
    private static Optional<OwnerResult> refused(StoreSession session, io.retainbot.core.staff.Actor actor,
                                                 long customerId) {
        if (actor.staff().isPresent() && active(session, actor.staffId()).isEmpty()) {
            return Optional.of(unknownStaff(actor.staffId()));
        }
        if (session.customers().find(customerId).isEmpty()) {
            return Optional.of(new OwnerResult.Refused(CareResult.Reason.NOT_FOUND, "no customer " + customerId));
        }
        return Optional.empty();
    }

    private static OwnerResult unknownStaff(long staffId) {
        return new OwnerResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member " + staffId);
    }
}
