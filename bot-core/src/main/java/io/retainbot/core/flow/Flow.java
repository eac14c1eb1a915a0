package io.retainbot.core.flow;

/** One dialogue: entered with {@link #start}, then fed every event of the conversation until it ends. */
public interface Flow {
    String name();

    Step start(Turn turn);

    Step next(Turn turn);

    /** The question the flow is waiting on now, asked again (after /help or an out-of-place button). */
    Step repeatQuestion(Turn turn);
}
