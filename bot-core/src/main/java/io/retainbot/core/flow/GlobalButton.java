package io.retainbot.core.flow;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A button understood in every state: exact data ({@code menu:complaint}), or a prefix
 * ({@code lang:}) whose rest is handed to the action as its argument. Button data may be forged:
 * actions check what they are given.
 */
public record GlobalButton(String data, boolean prefix, Effect effect, BiFunction<Turn, String, Step> action) {
    public GlobalButton {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("button data must not be empty");
        }
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
    }

    public static GlobalButton exact(String data, Effect effect, java.util.function.Function<Turn, Step> action) {
        return new GlobalButton(data, false, effect, (turn, argument) -> action.apply(turn));
    }

    public static GlobalButton prefixed(String prefix, Effect effect, BiFunction<Turn, String, Step> action) {
        return new GlobalButton(prefix, true, effect, action);
    }

    /** The argument this button passes for {@code pressed}, or null when it is not this button. */
    String argumentFor(String pressed) {
        if (prefix) {
            return pressed.startsWith(data) ? pressed.substring(data.length()) : null;
        }
        return data.equals(pressed) ? "" : null;
    }
}
