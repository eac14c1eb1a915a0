package io.retainbot.core.flow;

/** What a command or a global button does to a running flow. */
public enum Effect {
    /** Starts another flow (or goes back to the menu): refused politely while the running flow holds unsaved input. */
    STARTS_FLOW,
    /** Answers aside: the running flow keeps going and asks its question again; when idle, the answer stands alone. */
    ASIDE,
    /** {@link #ASIDE} when given an argument ({@code /status C-1042}), {@link #STARTS_FLOW} without one. */
    ASIDE_WITH_ARGUMENT,
    /** Decides about the running flow itself ({@code /help}, {@code /cancel}). */
    OWN;

    Effect given(String argument) {
        if (this == ASIDE_WITH_ARGUMENT) {
            return argument.isBlank() ? STARTS_FLOW : ASIDE;
        }
        return this;
    }
}
