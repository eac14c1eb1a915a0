package io.retainbot.core.store;

import io.retainbot.core.RetainBotException;
import io.retainbot.core.complaint.ComplaintAnswered;
import io.retainbot.core.complaint.ComplaintClaimed;
import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.complaint.ComplaintPhotosAdded;
import io.retainbot.core.complaint.ComplaintReassigned;
import io.retainbot.core.complaint.ComplaintReferred;
import io.retainbot.core.complaint.ComplaintNoted;
import io.retainbot.core.complaint.ComplaintReopened;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.complaint.ComplaintWithdrawn;
import io.retainbot.core.complaint.EffortRated;
import io.retainbot.core.complaint.PromiseAtRisk;
import io.retainbot.core.complaint.ResolutionAtRisk;
import io.retainbot.core.complaint.DelayAnnounced;
import io.retainbot.core.complaint.SatisfactionRated;
import io.retainbot.core.customer.CheckInPlanned;
import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.customer.CustomerEdited;
import io.retainbot.core.customer.CustomersMerged;
import io.retainbot.core.customer.OwnerChanged;
import io.retainbot.core.customer.ErasureRequested;
import io.retainbot.core.customer.PurchaseRecorded;
import io.retainbot.core.event.ContactSkipped;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.feedback.HandoverAnswered;
import io.retainbot.core.feedback.HandoverClosed;
import io.retainbot.core.feedback.HandoverEnded;
import io.retainbot.core.feedback.HandoverOverdue;
import io.retainbot.core.feedback.HandoverRequested;
import io.retainbot.core.feedback.HandoverTaken;
import java.util.Map;

/** Stores domain events as JSON under their kind, and reads them back as the record of that kind. */
final class DomainEventCodec {
    private static final Map<String, Class<? extends DomainEvent>> KINDS = Map.ofEntries(
            Map.entry(ComplaintFiled.KIND, ComplaintFiled.class),
            Map.entry(ComplaintWithdrawn.KIND, ComplaintWithdrawn.class),
            Map.entry(ComplaintClaimed.KIND, ComplaintClaimed.class),
            Map.entry(ComplaintAnswered.KIND, ComplaintAnswered.class),
            Map.entry(ComplaintPhotosAdded.KIND, ComplaintPhotosAdded.class),
            Map.entry(ComplaintResolved.KIND, ComplaintResolved.class),
            Map.entry(ComplaintReferred.KIND, ComplaintReferred.class),
            Map.entry(ComplaintReassigned.KIND, ComplaintReassigned.class),
            Map.entry(ComplaintReopened.KIND, ComplaintReopened.class),
            Map.entry(ComplaintNoted.KIND, ComplaintNoted.class),
            Map.entry(CustomersMerged.KIND, CustomersMerged.class),
            Map.entry(CustomerEdited.KIND, CustomerEdited.class),
            Map.entry(SatisfactionRated.KIND, SatisfactionRated.class),
            Map.entry(EffortRated.KIND, EffortRated.class),
            Map.entry(PromiseAtRisk.KIND, PromiseAtRisk.class),
            Map.entry(ResolutionAtRisk.KIND, ResolutionAtRisk.class),
            Map.entry(DelayAnnounced.KIND, DelayAnnounced.class),
            Map.entry(HandoverOverdue.KIND, HandoverOverdue.class),
            Map.entry(ConsentGiven.KIND, ConsentGiven.class),
            Map.entry(ConsentWithdrawn.KIND, ConsentWithdrawn.class),
            Map.entry(ContactSkipped.KIND, ContactSkipped.class),
            Map.entry(HandoverRequested.KIND, HandoverRequested.class),
            Map.entry(ErasureRequested.KIND, ErasureRequested.class),
            Map.entry(PurchaseRecorded.KIND, PurchaseRecorded.class),
            Map.entry(CheckInPlanned.KIND, CheckInPlanned.class),
            Map.entry(HandoverTaken.KIND, HandoverTaken.class),
            Map.entry(HandoverClosed.KIND, HandoverClosed.class),
            Map.entry(HandoverAnswered.KIND, HandoverAnswered.class),
            Map.entry(OwnerChanged.KIND, OwnerChanged.class),
            Map.entry(HandoverEnded.KIND, HandoverEnded.class));

    private DomainEventCodec() {
    }

    static String write(DomainEvent event) {
        Class<? extends DomainEvent> known = KINDS.get(event.kind());
        if (known != event.getClass()) {
            throw new RetainBotException("domain event kind " + event.kind() + " is not registered for "
                    + event.getClass().getSimpleName() + " in DomainEventCodec");
        }
        return Json.write(event);
    }

    static DomainEvent read(String kind, String payload) {
        Class<? extends DomainEvent> type = KINDS.get(kind);
        if (type == null) {
            throw new RetainBotException("unknown domain event kind " + kind);
        }
        return Json.read(payload, type);
    }
}
