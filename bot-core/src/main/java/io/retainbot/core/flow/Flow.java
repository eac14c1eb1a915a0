package io.retainbot.core.flow;

import java.util.List;

/**
 * One dialogue: entered with {@link #start} (or one of its {@link #commands} and {@link #buttons}),
 * then fed every event of the conversation until it ends. Adding a flow is this one class, its
 * catalog keys and a transcript test: {@link Dialogue} finds its commands and buttons here.
 */
public interface Flow {
    String name();

    /** The enum of states this flow waits in, in conversation order; persisted by constant name. */
    Class<? extends Enum<?>> states();

    /** The slash commands that lead into this flow from anywhere. */
    default List<ChatCommand> commands() {
        return List.of();
    }

    /** Buttons this flow's messages carry that work in every state (menu entries, answers asked aside). */
    default List<GlobalButton> buttons() {
        return List.of();
    }

    Step start(Turn turn);

    Step next(Turn turn);

    /** The question the flow is waiting on now, asked again (after /help or an out-of-place button). */
    Step repeatQuestion(Turn turn);

    /**
     * Whether leaving the flow now would throw away what the customer entered; while it does, other
     * flows do not start: the customer is told how to finish or cancel, and nothing is lost.
     */
    default boolean holdsUnsavedInput(Turn turn) {
        return false;
    }
}
