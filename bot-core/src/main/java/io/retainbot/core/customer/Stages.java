package io.retainbot.core.customer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stages a customer passes through, in order, as the business names them (by default consultation,
 * intention, negotiation, contract, after-sales), and which of them is after-sales: where a complaint or a
 * purchase moves a customer; and, where the business wants it, who is responsible for a customer in a stage
 * ({@link StageOwner}; a stage without one leaves the customer's responsible staff member as it is).
 */
public record Stages(List<String> names, String afterSales, Map<String, StageOwner> owners) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    public static final Stages DEFAULT = new Stages(
            List.of("consultation", "intention", "negotiation", "contract", "after-sales"), "after-sales", Map.of());

    public Stages {
        names = List.copyOf(names);
        owners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(owners));
        Objects.requireNonNull(afterSales, "afterSales");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one stage is needed");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("a stage is named twice");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a stage name is 1 to 40 of a-z, 0-9, - and _ (starting with a "
                        + "letter or digit): \"" + name + "\"");
            }
        }
        if (!names.contains(afterSales)) {
            throw new IllegalArgumentException("the after-sales stage \"" + afterSales + "\" is not among the stages "
                    + String.join(", ", names));
        }
        for (String stage : owners.keySet()) {
            if (!names.contains(stage)) {
                throw new IllegalArgumentException("owners are named for \"" + stage + "\", which is not among the "
                        + "stages " + String.join(", ", names));
            }
        }
    }

    /** Stages without responsible staff per stage. */
    public Stages(List<String> names, String afterSales) {
        this(names, afterSales, Map.of());
    }

    /** Who is responsible for a customer in the stage, when the business says. */
    public Optional<StageOwner> owner(String stage) {
        return Optional.ofNullable(owners.get(stage));
    }

    public boolean has(String name) {
        return names.contains(name);
    }
}
