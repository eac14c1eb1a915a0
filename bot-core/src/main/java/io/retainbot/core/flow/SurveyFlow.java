package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * After a complaint was resolved, the bot asks (it starts this conversation itself) how satisfied the
 * customer is and how easy it was, 1 to 5 each, with buttons (a typed digit works too), then whether
 * they want to add anything. Each answer is recorded as it comes. A customer who does not answer is
 * reminded once ({@link #REMINDER_KIND}); after that, nothing.
 */
public final class SurveyFlow implements Flow {
    public static final String NAME = "survey";
    /** The due event kind that starts this flow. */
    public static final String DUE_KIND = "survey";
    /** The due event kind of the one reminder, when the first question went unanswered. */
    public static final String REMINDER_KIND = "survey_reminder";
    static final String SCORE_PREFIX = "survey:score:";
    static final String NO_COMMENT = "survey:no_comment";
    private static final String REF = "ref";
    /** The resolution a due survey follows ({@code ScheduleSurvey.RESOLVED_AT}). */
    static final String RESOLVED_AT = "resolvedAt";
    /** How far the stored closing time may stray from the resolution's own instant (rounding to microseconds). */
    private static final Duration SAME_RESOLUTION = Duration.ofMillis(1);
    private static final String SATISFACTION = "satisfaction";

    enum State {
        AWAITING_SCORE,
        AWAITING_EFFORT,
        AWAITING_COMMENT
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    /** Asks the first question for the complaint the due event names; empty when the survey no longer applies. */
    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        Optional<ComplaintRef> ref = ComplaintRef.parse(due.data().getOrDefault(REF, ""));
        Optional<Complaint> complaint = ref.flatMap(turn.complaints()::find)
                .filter(found -> found.status() == ComplaintStatus.RESOLVED
                        && found.customerId() == turn.customer().id() && followsTheLatestResolution(due, found));
        if (REMINDER_KIND.equals(due.dueKind())) {
            return complaint.filter(found -> !turn.complaints().surveyAnswered(found))
                    .map(found -> ask(turn, FlowData.EMPTY.with(REF, found.ref().toString()), "survey.reminder"));
        }
        return complaint.map(found -> ask(turn, FlowData.EMPTY.with(REF, found.ref().toString()), "survey.ask"));
    }

    /**
     * Whether the due survey follows the complaint's latest resolution: one resolved, reopened and resolved again
     * within the survey's delay is asked about once, by the survey of the later resolution. A survey scheduled
     * before surveys named their resolution ({@code resolvedAt}) still asks.
     */
    private static boolean followsTheLatestResolution(InboundEvent.Scheduled due, Complaint complaint) {
        String resolvedAt = due.data().get(RESOLVED_AT);
        if (resolvedAt == null || complaint.closedAt() == null) {
            return true;
        }
        try {
            // the database keeps microseconds (rounded); a later resolution comes well after this one
            return !complaint.closedAt().isAfter(Instant.parse(resolvedAt).plus(SAME_RESOLUTION));
        } catch (DateTimeParseException garbled) {
            return true;
        }
    }

    @Override
    public Step start(Turn turn) {
        return repeatQuestion(turn);
    }

    @Override
    public Step next(Turn turn) {
        FlowData data = turn.conversation().data();
        Optional<ComplaintRef> ref = ComplaintRef.parse(data.getOrEmpty(REF));
        if (ref.isEmpty()) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        String state = turn.conversation().state();
        if (State.AWAITING_COMMENT.name().equals(state)) {
            return comment(turn, ref.get());
        }
        Optional<Integer> score = turn.button().filter(button -> button.startsWith(SCORE_PREFIX))
                .map(button -> button.substring(SCORE_PREFIX.length()))
                .or(turn::text)
                .flatMap(SurveyFlow::score);
        if (score.isEmpty()) {
            return repeatQuestion(turn).sayFirst(turn.texts().get("survey.expected"));
        }
        if (State.AWAITING_EFFORT.name().equals(state)) {
            return askComment(turn, data).then(new FlowCommand.RecordEffort(ref.get(), score.get()));
        }
        return askEffort(turn, data.with(SATISFACTION, String.valueOf(score.get())))
                .then(new FlowCommand.RecordSatisfaction(ref.get(), score.get()));
    }

    /** Any text is the comment; "No, thanks" ends without one. Either way the customer is thanked. */
    private Step comment(Turn turn, ComplaintRef ref) {
        boolean low = turn.conversation().data().get(SATISFACTION).map(Integer::parseInt).filter(s -> s <= 2).isPresent();
        String key = low ? "survey.thanks_low" : "survey.thanks";
        Step done = Step.idle().say(MainMenu.with(turn.texts().get(key, "company", turn.business().companyName()),
                turn.texts()));
        if (turn.button().filter(NO_COMMENT::equals).isPresent()) {
            return done;
        }
        Optional<String> text = turn.text().map(String::strip).filter(written -> !written.isEmpty());
        if (text.isEmpty()) {
            return repeatQuestion(turn);
        }
        return done.then(new FlowCommand.RecordSurveyComment(ref, text.get()));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        FlowData data = turn.conversation().data();
        if (data.get(REF).isEmpty()) {
            return Step.idle().say(MainMenu.with(turn.texts().get("start.what_can_i_do"), turn.texts()));
        }
        String state = turn.conversation().state();
        if (State.AWAITING_EFFORT.name().equals(state)) {
            return askEffort(turn, data);
        }
        if (State.AWAITING_COMMENT.name().equals(state)) {
            return askComment(turn, data);
        }
        return ask(turn, data, "survey.ask");
    }

    private static Step ask(Turn turn, FlowData data, String key) {
        String text = turn.texts().get(key, "ref", data.getOrEmpty(REF), "company", turn.business().companyName());
        return Step.to(NAME, State.AWAITING_SCORE, data).say(new OutboundMessage.Text(text, List.of(scores())));
    }

    private static Step askEffort(Turn turn, FlowData data) {
        String text = turn.texts().get("survey.ask_effort", "company", turn.business().companyName());
        return Step.to(NAME, State.AWAITING_EFFORT, data).say(new OutboundMessage.Text(text, List.of(scores())));
    }

    private static Step askComment(Turn turn, FlowData data) {
        String text = turn.texts().get("survey.ask_comment");
        return Step.to(NAME, State.AWAITING_COMMENT, data).say(new OutboundMessage.Text(text,
                List.of(List.of(new Button(turn.texts().get("survey.button.no_comment"), NO_COMMENT)))));
    }

    private static List<Button> scores() {
        return IntStream.rangeClosed(1, 5).mapToObj(score -> new Button(String.valueOf(score), SCORE_PREFIX + score))
                .toList();
    }

    private static Optional<Integer> score(String text) {
        String digit = text.strip();
        if (digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) <= '5') {
            return Optional.of(digit.charAt(0) - '0');
        }
        return Optional.empty();
    }
}
