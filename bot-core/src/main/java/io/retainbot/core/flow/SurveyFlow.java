package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * After a complaint was resolved, the bot asks (it starts this conversation itself) how satisfied the
 * customer is, 1 to 5, with buttons; a typed digit works too. Anything else gets the question again.
 */
public final class SurveyFlow implements Flow {
    public static final String NAME = "survey";
    /** The due event kind that starts this flow. */
    public static final String DUE_KIND = "survey";
    static final String SCORE_PREFIX = "survey:score:";
    private static final String REF = "ref";

    enum State {
        AWAITING_SCORE
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    /** Asks the question for the complaint the due event names; empty when the survey no longer applies. */
    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        Optional<ComplaintRef> ref = ComplaintRef.parse(due.data().getOrDefault(REF, ""));
        Optional<Complaint> complaint = ref.flatMap(turn.complaints()::find)
                .filter(found -> found.status() == ComplaintStatus.RESOLVED
                        && found.customerId() == turn.customer().id());
        return complaint.map(found -> ask(turn, FlowData.EMPTY.with(REF, found.ref().toString())));
    }

    @Override
    public Step start(Turn turn) {
        return repeatQuestion(turn);
    }

    @Override
    public Step next(Turn turn) {
        Optional<ComplaintRef> ref = ComplaintRef.parse(turn.conversation().data().getOrEmpty(REF));
        if (ref.isEmpty()) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        Optional<Integer> score = turn.button().filter(data -> data.startsWith(SCORE_PREFIX))
                .map(data -> data.substring(SCORE_PREFIX.length()))
                .or(turn::text)
                .flatMap(SurveyFlow::score);
        if (score.isEmpty()) {
            return ask(turn, turn.conversation().data()).sayFirst(turn.texts().get("survey.expected"));
        }
        String key = score.get() <= 2 ? "survey.thanks_low" : "survey.thanks";
        return Step.idle()
                .then(new FlowCommand.RecordSatisfaction(ref.get(), score.get()))
                .say(MainMenu.with(turn.texts().get(key, "company", turn.business().companyName()), turn.texts()));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        if (turn.conversation().data().get(REF).isEmpty()) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        return ask(turn, turn.conversation().data());
    }

    private static Step ask(Turn turn, FlowData data) {
        List<Button> scores = IntStream.rangeClosed(1, 5)
                .mapToObj(score -> new Button(String.valueOf(score), SCORE_PREFIX + score)).toList();
        String text = turn.texts().get("survey.ask", "ref", data.getOrEmpty(REF),
                "company", turn.business().companyName());
        return Step.to(NAME, State.AWAITING_SCORE, data).say(new OutboundMessage.Text(text, List.of(scores)));
    }

    private static Optional<Integer> score(String text) {
        String digit = text.strip();
        if (digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) <= '5') {
            return Optional.of(digit.charAt(0) - '0');
        }
        return Optional.empty();
    }
}
