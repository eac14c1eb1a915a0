package io.retainbot.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One mapping of the business file, read strictly: every error names the key by its full path. */
final class YamlSection {
    private final String file;
    private final String path;
    private final JsonNode node;

    YamlSection(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (!node.isObject()) {
            throw error(path.isEmpty() ? "the file" : path, "must be a mapping of keys to values");
        }
    }

    /** Stops at the first key that is not one of {@code allowed}. */
    YamlSection allowOnly(String... allowed) {
        Set<String> known = new TreeSet<>(List.of(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(child(name), "is not a known key; allowed here: " + String.join(", ", known));
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    Optional<String> text(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw error(child(key), "must be a text value");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw error(child(key), "must not be empty");
        }
        return Optional.of(text);
    }

    /** A yes/no value ({@code true} or {@code false}). */
    Optional<Boolean> flag(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw error(child(key), "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** A value that is true, false or a word ({@code on-request}), as text. */
    Optional<String> choice(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw error(child(key), "must be a single value");
        }
        return Optional.of(value.asText().strip().toLowerCase(java.util.Locale.ROOT));
    }

    String requiredText(String key) {
        return text(key).orElseThrow(() -> error(child(key), "is required"));
    }

    Optional<YamlSection> section(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new YamlSection(file, child(key), value));
    }

    /** A mapping of keys to text values (labels per language, templates per key). */
    Map<String, String> texts(String key) {
        Map<String, String> texts = new LinkedHashMap<>();
        section(key).ifPresent(section -> section.node.fieldNames().forEachRemaining(name ->
                texts.put(name, section.requiredText(name))));
        return texts;
    }

    /** The keys of this mapping with their sections (categories keyed by language, and so on). */
    Map<String, YamlSection> sections() {
        Map<String, YamlSection> sections = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> sections.put(name, new YamlSection(file, child(name), node.get(name))));
        return sections;
    }

    Iterable<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A list whose items are mappings. */
    List<YamlSection> sectionList(String key) {
        List<YamlSection> items = new ArrayList<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw error(child(key), "must be a list");
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(new YamlSection(file, child(key) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** A text or a list of texts. */
    List<String> textList(String key) {
        JsonNode value = node.get(key);
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isValueNode() && !value.isBoolean()) {
            items.add(value.asText().strip());
            return items;
        }
        if (!value.isArray()) {
            throw error(child(key), "must be a text or a list of texts");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isBoolean() || item.isNull()) {
                throw error(child(key) + "[" + i + "]", "must be a text value");
            }
            items.add(item.asText().strip());
        }
        return items;
    }

    /** An error about this whole section. */
    ConfigException problem(String problem) {
        return error(path, problem);
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(file + ": " + key + " " + problem);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
