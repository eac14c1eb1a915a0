package io.retainbot.core.flow;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import java.util.Optional;

/**
 * The business missed its internal target for a first answer but the promise is not yet due: the bot
 * tells the customer, once, that the business is still on it and when to expect an answer (the promise,
 * which still stands). Nothing is said when the complaint was answered or closed meanwhile, or the
 * promise already passed (staff alerts cover that).
 */
final class DelayNotice {
    private final ComplaintWording wording = new ComplaintWording();

    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        return ComplaintRef.parse(due.data().getOrDefault("ref", ""))
                .flatMap(turn.complaints()::find)
                .filter(complaint -> complaint.customerId() == turn.customer().id() && complaint.status().isActive())
                .filter(complaint -> complaint.promisedAt() != null && turn.now().isBefore(complaint.promisedAt()))
                .filter(complaint -> !turn.complaints().answered(complaint))
                .map(complaint -> tell(turn, complaint));
    }

    private Step tell(Turn turn, Complaint complaint) {
        String text = turn.texts().get("care.still_on_it", "ref", complaint.ref().toString(),
                "company", turn.business().companyName(), "promise", wording.promise(turn, complaint.promisedAt()));
        return Step.idle().say(text).then(new FlowCommand.AnnounceDelay(complaint.ref(), complaint.promisedAt()));
    }
}
