package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.AccountReview;
import io.retainbot.core.i18n.Texts;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The account review the bot holds with the customer, where the business chooses (it starts this itself
 * when the customer's review falls due): how satisfied they are (1 to 5), what they value most, what else
 * they need, and, tactfully, whether they looked at other providers. Every question but the first can be
 * skipped. Each answer lands on the customer file as it is given (the questionnaire marked incomplete until the
 * last one, so one abandoned halfway keeps what was said, and finishing later completes it); a need or a risk
 * pings the owner once the questionnaire is complete.
 */
public final class ReviewFlow implements Flow {
    public static final String NAME = "review";
    /** The due event kind that starts this flow ({@code Reviews.QUESTIONNAIRE}). */
    public static final String DUE_KIND = "review_questionnaire";
    static final String SCORE_PREFIX = "review:score:";
    static final String SKIP = "review:skip";
    static final String VENDORS_NO = "review:vendors:no";
    static final String VENDORS_YES = "review:vendors:yes";
    private static final String SATISFACTION = "satisfaction";
    private static final String VALUES = "values";
    private static final String NEEDS = "needs";
    /** Which questionnaire the answers belong to: the due event that started it. */
    private static final String ROUND = "round";

    enum State {
        AWAITING_SATISFACTION,
        AWAITING_VALUES,
        AWAITING_NEEDS,
        AWAITING_VENDORS
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    Optional<Step> initiate(Turn turn, InboundEvent.Scheduled due) {
        return Optional.of(askSatisfaction(turn, "review.ask_satisfaction", FlowData.EMPTY.with(ROUND, due.eventId())));
    }

    @Override
    public Step start(Turn turn) {
        return repeatQuestion(turn);
    }

    @Override
    public Step next(Turn turn) {
        FlowData data = turn.conversation().data();
        return switch (turn.state(State.class, State.AWAITING_SATISFACTION)) {
            case AWAITING_SATISFACTION -> turn.button().filter(button -> button.startsWith(SCORE_PREFIX))
                    .map(button -> button.substring(SCORE_PREFIX.length())).or(turn::text)
                    .flatMap(ReviewFlow::score)
                    .map(score -> kept(ask(turn, State.AWAITING_VALUES, data.with(SATISFACTION, String.valueOf(score))
                            .with(ROUND, data.get(ROUND).orElse("chat:" + turn.now())))))
                    .orElseGet(() -> repeatQuestion(turn).sayFirst(turn.texts().get("review.expected_score")));
            case AWAITING_VALUES -> answer(turn).map(text -> kept(ask(turn, State.AWAITING_NEEDS,
                            data.with(VALUES, text))))
                    .orElseGet(() -> repeatQuestion(turn));
            case AWAITING_NEEDS -> answer(turn).map(text -> kept(ask(turn, State.AWAITING_VENDORS,
                            data.with(NEEDS, text))))
                    .orElseGet(() -> repeatQuestion(turn));
            case AWAITING_VENDORS -> vendors(turn).map(vendors -> finish(turn, data, vendors))
                    .orElseGet(() -> repeatQuestion(turn));
        };
    }

    private static Step finish(Turn turn, FlowData data, String vendors) {
        return Step.idle()
                .say(MainMenu.with(turn.texts().get("review.thanks", "company", turn.business().companyName()),
                        turn.texts()))
                .then(answers(data, vendors, true));
    }

    /** The answers given so far are kept on the customer file, the questionnaire not yet complete. */
    private static Step kept(Step asked) {
        return asked.then(answers(asked.data(), "", false));
    }

    /** The answers in {@code data}; a questionnaire begun before rounds were kept counts as one round, "chat". */
    private static FlowCommand.RecordReviewAnswers answers(FlowData data, String vendors, boolean complete) {
        int satisfaction = data.get(SATISFACTION).map(Integer::parseInt).orElse(3);
        String round = data.get(ROUND).orElse("chat");
        return new FlowCommand.RecordReviewAnswers(satisfaction, data.getOrEmpty(VALUES), data.getOrEmpty(NEEDS),
                vendors, complete, round);
    }

    /** The typed answer, or empty text for the skip button; nothing for anything else. */
    private static Optional<String> answer(Turn turn) {
        if (turn.pressed(SKIP)) {
            return Optional.of("");
        }
        return turn.text().filter(text -> !text.isBlank()).map(ReviewFlow::bounded);
    }

    private static Optional<String> vendors(Turn turn) {
        if (turn.pressed(VENDORS_NO)) {
            return Optional.of("");
        }
        if (turn.pressed(VENDORS_YES)) {
            return Optional.of(turn.texts().get("review.button.vendors_yes"));
        }
        return turn.text().filter(text -> !text.isBlank()).map(ReviewFlow::bounded);
    }

    private static String bounded(String text) {
        return text.length() <= AccountReview.MAX_ANSWER ? text : text.substring(0, AccountReview.MAX_ANSWER);
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        State state = turn.state(State.class, State.AWAITING_SATISFACTION);
        if (state == State.AWAITING_SATISFACTION) {
            return askSatisfaction(turn, "review.ask_satisfaction_again", turn.conversation().flow().equals(NAME)
                    ? turn.conversation().data() : FlowData.EMPTY);
        }
        return ask(turn, state, turn.conversation().data());
    }

    private static Step askSatisfaction(Turn turn, String key, FlowData data) {
        Texts texts = turn.texts();
        List<Button> scores = IntStream.rangeClosed(1, 5)
                .mapToObj(score -> new Button(String.valueOf(score), SCORE_PREFIX + score)).toList();
        return Step.to(NAME, State.AWAITING_SATISFACTION, data)
                .say(new OutboundMessage.Text(texts.get(key, "company", turn.business().companyName()),
                        List.of(scores)));
    }

    private static Step ask(Turn turn, State state, FlowData data) {
        Texts texts = turn.texts();
        String company = turn.business().companyName();
        OutboundMessage question = switch (state) {
            case AWAITING_VALUES -> new OutboundMessage.Text(texts.get("review.ask_values", "company", company),
                    List.of(List.of(new Button(texts.get("review.button.skip"), SKIP))));
            case AWAITING_NEEDS -> new OutboundMessage.Text(texts.get("review.ask_needs", "company", company),
                    List.of(List.of(new Button(texts.get("review.button.nothing"), SKIP))));
            case AWAITING_VENDORS -> new OutboundMessage.Text(texts.get("review.ask_vendors", "company", company),
                    List.of(List.of(new Button(texts.get("review.button.vendors_no"), VENDORS_NO),
                            new Button(texts.get("review.button.vendors_yes"), VENDORS_YES))));
            case AWAITING_SATISFACTION -> throw new IllegalStateException("asked by askSatisfaction");
        };
        return Step.to(NAME, state, data).say(question);
    }

    private static Optional<Integer> score(String text) {
        String digit = text.strip();
        if (digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) <= '5') {
            return Optional.of(digit.charAt(0) - '0');
        }
        return Optional.empty();
    }
}
