package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.KnownIssueOffer;
import io.retainbot.core.i18n.Texts;
import java.util.List;
import java.util.Optional;

/**
 * "This is a known issue; this usually solves it: ... Did it help?" The offer is made when a complaint
 * is filed (by the engine, which knows the issues); its two buttons work in every state and at any
 * later time, and answer aside, so a customer busy with something else is not interrupted. The button
 * data names the complaint and may be forged: only the customer's own complaint with an unanswered
 * offer takes the answer.
 */
public final class KnownIssueAnswer {
    static final String HELPED = "known:yes:";
    static final String NOT_HELPED = "known:no:";

    /** The offer of {@code fix} on the just-filed complaint {@code ref}, with the two answers as buttons. */
    public static OutboundMessage offer(Texts texts, ComplaintRef ref, String fix) {
        List<Button> answers = List.of(
                new Button(texts.get("known_issue.button.helped"), HELPED + ref),
                new Button(texts.get("known_issue.button.not_helped"), NOT_HELPED + ref));
        return new OutboundMessage.Text(texts.get("known_issue.offer", "fix", fix, "ref", ref.toString()),
                List.of(answers));
    }

    List<GlobalButton> buttons() {
        return List.of(
                GlobalButton.prefixed(HELPED, Effect.ASIDE, (turn, argument) -> answer(turn, argument, true)),
                GlobalButton.prefixed(NOT_HELPED, Effect.ASIDE, (turn, argument) -> answer(turn, argument, false)));
    }

    private Step answer(Turn turn, String argument, boolean helped) {
        Texts texts = turn.texts();
        Optional<Complaint> complaint = ComplaintRef.parse(argument).flatMap(turn.complaints()::find)
                .filter(found -> found.customerId() == turn.customer().id());
        Optional<KnownIssueOffer> offer = complaint.flatMap(turn.complaints()::knownIssueOffer);
        if (offer.isEmpty()) {
            return Step.idle().say(MainMenu.with(texts.get("button.stale"), texts));
        }
        String ref = complaint.get().ref().toString();
        if (offer.get().answered()) {
            return Step.idle().say(MainMenu.with(texts.get("known_issue.already_answered", "ref", ref), texts));
        }
        String key = helped ? "known_issue.helped" : "known_issue.not_helped";
        return Step.idle()
                .then(new FlowCommand.RecordKnownIssueAnswer(complaint.get().ref(), helped))
                .say(MainMenu.with(texts.get(key, "ref", ref), texts));
    }
}
