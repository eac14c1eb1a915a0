package io.retainbot.core.reaction;

import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckInPlanned;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Purchase;
import io.retainbot.core.customer.PurchaseRecorded;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Keeping in touch after the sale: a recorded purchase or a resolved complaint plans the business's
 * check-ins about it ({@link CheckIns}), each on the customer file at the cadence's local time in the
 * customer's own time zone, with a {@link CheckInPlanned} event in the same transaction; {@link ScheduleCheckIn}
 * reacts to that (after this commit) with the due event {@code checkin:<cadence>:<purchase or complaint id>}.
 * Scheduling it here instead would let a check-in whose time has already come (the relay running late) fall
 * due before its row committed, and be skipped. A check-in whose time had passed when the purchase was
 * recorded (an old purchase imported) is not planned. Running this twice plans each check-in once; a
 * complaint resolved again after a reopening gets no second one.
 */
public final class PlanCheckIns implements Reaction {
    public static final String NAME = "plan_check_ins";
    /** The due event kind of a check-in. */
    public static final String KIND = "check_in";
    /** The due event id's prefix; the cadence and the purchase's or complaint's id follow. */
    public static final String ID_PREFIX = "checkin:";
    public static final String PURCHASE = "purchase";
    public static final String COMPLAINT = "complaint";

    private final CheckIns checkIns;
    private final ZoneId businessZone;

    public PlanCheckIns(CheckIns checkIns, ZoneId businessZone) {
        this.checkIns = checkIns;
        this.businessZone = businessZone;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof PurchaseRecorded || event instanceof ComplaintResolved;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        DomainEvent event = recorded.event();
        Optional<Customer> customer = session.customers().find(event.customerId());
        if (customer.isEmpty()) {
            return;
        }
        ZoneId zone = customer.get().profile().zone() == null ? businessZone : customer.get().profile().zone();
        if (event instanceof PurchaseRecorded purchase) {
            String product = session.sales().purchases(purchase.customerId()).stream()
                    .filter(each -> each.id() == purchase.purchaseId()).map(Purchase::product).findFirst().orElse("");
            plan(session, reactions, now, event, CheckInCadence.After.PURCHASE, purchase.purchasedOn(), zone, PURCHASE,
                    purchase.purchaseId(), Map.of("product", product));
        } else if (event instanceof ComplaintResolved resolved) {
            plan(session, reactions, now, event, CheckInCadence.After.RESOLVED_COMPLAINT,
                    resolved.occurredAt().atZone(zone).toLocalDate(), zone, COMPLAINT, resolved.complaintId(),
                    Map.of("ref", resolved.ref().toString()));
        }
    }

    private void plan(StoreSession session, Reactions reactions, Instant now, DomainEvent event,
                      CheckInCadence.After after, LocalDate day, ZoneId zone, String about, long aboutId,
                      Map<String, String> details) {
        for (CheckInCadence cadence : checkIns.after(after)) {
            Instant due = cadence.dueAfter(day, zone).toInstant();
            if (due.isBefore(event.occurredAt())) {
                continue;
            }
            Optional<CheckIn> planned = session.checkIns().plan(event.customerId(), cadence.name(), about, aboutId, due,
                    event.occurredAt());
            if (planned.isEmpty()) {
                continue;
            }
            Map<String, String> data = new java.util.HashMap<>(details);
            data.put("cadence", cadence.name());
            data.put("about", about);
            data.put("aboutId", String.valueOf(aboutId));
            data.put("text", cadence.textKey());
            reactions.record(session, new CheckInPlanned(event.customerId(), planned.get().id(), cadence.name(), about,
                    aboutId, due, data, now), now);
        }
    }

    public static String id(String cadence, long aboutId) {
        return ID_PREFIX + cadence + ":" + aboutId;
    }
}
