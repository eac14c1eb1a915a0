package io.retainbot.console;

import java.util.List;
import java.util.Map;

/**
 * A form as it was sent, so a page refused with a problem shows it again as typed: every value by its
 * field's name (checkboxes and multiple selections may have several).
 */
public record Form(Map<String, List<String>> values) {
    public static final Form EMPTY = new Form(Map.of());

    public Form {
        values = Map.copyOf(values);
    }

    /** The field's first value, stripped; "" when absent. */
    public String value(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() || all.get(0) == null ? "" : all.get(0).strip();
    }

    /** The field's value, or {@code otherwise} when the form has none (a page shown for the first time). */
    public String value(String name, String otherwise) {
        return values.containsKey(name) ? value(name) : otherwise;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(value -> value != null && !value.isBlank())
                .map(String::strip).toList();
    }

    /** Whether a checkbox or option of the field with this value was chosen. */
    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
