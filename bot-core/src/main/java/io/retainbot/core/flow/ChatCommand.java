package io.retainbot.core.flow;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A slash command a flow answers to, from any state: its name as listed to customers, aliases,
 * what it does to a running flow, and the action given the turn and the command's argument.
 */
public record ChatCommand(String name, List<String> aliases, Effect effect, BiFunction<Turn, String, Step> action) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    public ChatCommand {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
        aliases = List.copyOf(aliases);
        for (String each : concat(name, aliases)) {
            if (each == null || !NAME.matcher(each).matches()) {
                throw new IllegalArgumentException("a command name is 1 to 32 of a-z, 0-9 and _: " + each);
            }
        }
    }

    public static ChatCommand of(String name, Effect effect, BiFunction<Turn, String, Step> action) {
        return new ChatCommand(name, List.of(), effect, action);
    }

    public ChatCommand alias(String... more) {
        return new ChatCommand(name, concat(aliases, List.of(more)), effect, action);
    }

    /** The name and every alias. */
    public List<String> names() {
        return concat(name, aliases);
    }

    private static List<String> concat(String first, List<String> rest) {
        return concat(List.of(Objects.requireNonNull(first, "name")), rest);
    }

    private static List<String> concat(List<String> first, List<String> rest) {
        return java.util.stream.Stream.concat(first.stream(), rest.stream()).toList();
    }
}
