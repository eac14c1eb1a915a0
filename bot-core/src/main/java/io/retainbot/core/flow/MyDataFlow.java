package io.retainbot.core.flow;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.i18n.Texts;
import java.util.List;

/**
 * The customer's own data: {@code /mydata} sends a summary of what is stored about them (the engine
 * reads it); {@code /forget} explains what an erasure removes and keeps, and erases only after the
 * customer confirms with the button (or a typed yes is not enough: the button is the confirmation).
 */
public final class MyDataFlow implements Flow {
    public static final String NAME = "mydata";
    static final String ERASE = "forget:erase";
    static final String KEEP = "forget:keep";

    enum State {
        AWAITING_ERASURE_CONFIRMATION
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
        return List.of(
                ChatCommand.of("mydata", Effect.STARTS_FLOW, (turn, argument) -> showData()),
                ChatCommand.of("forget", Effect.STARTS_FLOW, (turn, argument) -> start(turn)));
    }

    private static Step showData() {
        return Step.idle().then(new FlowCommand.ShowMyData());
    }

    @Override
    public Step start(Turn turn) {
        return repeatQuestion(turn);
    }

    @Override
    public Step next(Turn turn) {
        Texts texts = turn.texts();
        if (turn.pressed(ERASE)) {
            return Step.idle().then(new FlowCommand.RequestErasure()).say(texts.get("forget.done"));
        }
        if (turn.pressed(KEEP)) {
            return Step.idle().say(MainMenu.with(texts.get("forget.kept"), texts));
        }
        return repeatQuestion(turn).sayFirst(texts.get("forget.expected"));
    }

    @Override
    public Step repeatQuestion(Turn turn) {
        Texts texts = turn.texts();
        List<Button> choices = List.of(new Button(texts.get("forget.button.erase"), ERASE),
                new Button(texts.get("forget.button.keep"), KEEP));
        return Step.to(NAME, State.AWAITING_ERASURE_CONFIRMATION, FlowData.EMPTY)
                .say(new OutboundMessage.Text(texts.get("forget.ask", "company", turn.business().companyName()),
                        List.of(choices)));
    }
}
