package io.retainbot.core.flow;

import java.util.List;

/** A suggestion: free text, recorded as feedback (not a complaint), and thanked for. */
public final class SuggestionFlow implements Flow {
    public static final String NAME = "suggestion";

    enum State {
        AWAITING_SUGGESTION
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<State> states() {
        return State.class;
    }

    @Override
    public List<ChatCommand> commands() {
        return List.of(ChatCommand.of("suggest", Effect.STARTS_FLOW, (turn, argument) -> start(turn))
                .alias("suggestion", "feedback"));
    }

    @Override
    public List<GlobalButton> buttons() {
        return List.of(GlobalButton.exact(MainMenu.SUGGEST, Effect.STARTS_FLOW, this::start));
    }

    @Override
    public Step start(Turn turn) {
        return Step.to(NAME, State.AWAITING_SUGGESTION, FlowData.EMPTY).say(turn.texts().get("suggestion.ask"));
    }

    @Override
    public Step next(Turn turn) {
        String text = turn.text().orElse(turn.caption());
        if (text.isEmpty()) {
            return start(turn).sayFirst(turn.texts().get("suggestion.expected"));
        }
        return Step.idle()
                .then(new FlowCommand.RecordSuggestion(IntakeFlow.bounded(text)))
                .say(MainMenu.with(turn.texts().get("suggestion.thanks"), turn.texts()));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        return start(turn);
    }
}
