package io.retainbot.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON request body read field by field, so every problem is a 400 that names the field at fault
 * ("filter.languages[1]: ..."). Unknown fields are refused with the list of known ones, so a typo
 * never silently widens a segment.
 */
final class JsonInput {
    private final JsonNode node;
    private final String path;

    private JsonInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The body as a JSON object. */
    static JsonInput body(ObjectMapper json, String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw new HttpServer.ClientError(400, "the body is not valid JSON: "
                    + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new HttpServer.ClientError(400, "the body must be a JSON object");
        }
        return new JsonInput(node, "");
    }

    /** Refuses fields other than these. */
    JsonInput allowing(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknown field; the fields are " + String.join(", ", known));
            }
        }
        return this;
    }

    /** The object itself, for telling a field given as null from one left out. */
    JsonNode node() {
        return node;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** A problem with this object as a whole, such as one element of a list: "texts[0]: ...". */
    HttpServer.ClientError error(String problem) {
        return new HttpServer.ClientError(400, (path.isEmpty() ? "body" : path) + ": " + problem);
    }

    HttpServer.ClientError error(String field, String problem) {
        return new HttpServer.ClientError(400, name(field) + ": " + problem);
    }

    JsonInput object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new JsonInput(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                    name(field));
        }
        if (!value.isObject()) {
            throw error(field, "must be a JSON object");
        }
        return new JsonInput(value, name(field));
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string");
        }
        return value.asText();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw error(field, "is required");
        }
        return value;
    }

    Long whole(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw error(field, "must be a whole number");
        }
        return value.asLong();
    }

    Integer smallWhole(String field) {
        Long value = whole(field);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw error(field, "is out of range");
        }
        return value == null ? null : value.intValue();
    }

    /** A number with a fraction or without ({@code 129000}, {@code 19.90}), exactly as written. */
    java.math.BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw error(field, "must be a number");
        }
        return value.decimalValue();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw error(field, "must be true or false");
        }
        return value.asBoolean();
    }

    /** An object of strings by name ({"en": "...", "ko": "..."}), in the order given; empty when absent. */
    java.util.Map<String, String> texts(String field) {
        JsonInput object = object(field);
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Iterator<String> names = object.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String text = object.text(name);
            if (text != null) {
                texts.put(name, text);
            }
        }
        return texts;
    }

    /** A moment: an ISO instant ("2026-11-01T09:00:00Z") or a date ("2026-11-01", the start of that day in {@code zone}). */
    Instant moment(String field, ZoneId zone) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeException invalid) {
            throw error(field, "\"" + value + "\" is neither a date like 2026-11-01 nor a time like 2026-11-01T09:00:00Z");
        }
    }

    /** The elements of an array, each converted; a conversion's IllegalArgumentException names the element. */
    <T> List<T> list(String field, Function<JsonElement, T> convert) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(field, "must be a JSON array");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String at = field + "[" + i + "]";
            try {
                items.add(convert.apply(new JsonElement(value.get(i), new JsonInput(value.get(i), name(at)))));
            } catch (HttpServer.ClientError nested) {
                throw nested;
            } catch (IllegalArgumentException | DateTimeException invalid) {
                throw error(at, invalid.getMessage());
            }
        }
        return items;
    }

    <T> Set<T> set(String field, Function<JsonElement, T> convert) {
        return new LinkedHashSet<>(list(field, convert));
    }

    /** One element of an array: a string, a number, or an object read further. */
    record JsonElement(JsonNode node, JsonInput asObject) {
        String text() {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("must be a string");
            }
            return node.asText();
        }

        int whole() {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new IllegalArgumentException("must be a whole number");
            }
            return node.asInt();
        }

        JsonInput object() {
            if (!node.isObject()) {
                throw new IllegalArgumentException("must be a JSON object");
            }
            return asObject;
        }
    }
}
