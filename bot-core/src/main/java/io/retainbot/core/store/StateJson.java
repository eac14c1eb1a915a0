package io.retainbot.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import io.retainbot.core.RetainBotException;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.flow.FlowData;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of what every customer event reads and writes (a conversation's flow data and offered button labels,
 * the replies it queues), written and read token by token. Through the object mapper each of these cost more
 * Java time than the statement that carries it (introspected serializers, type resolution, a tree of
 * intermediate objects: measured with JFR, README, Performance). The JSON is the mapper's own, so rows written
 * either way read the same: {@link Json#read} reads these, and these read the mapper's; anything less common
 * (a flow's files, a photo, an edit) is left to the mapper.
 */
final class StateJson {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    private static final TypeReference<List<List<String>>> LABELS = new TypeReference<>() {
    };

    private StateJson() {
    }

    /** {@code {"values": {...}, "files": [...]}}, as the mapper writes a {@link FlowData}. */
    static String write(FlowData data) {
        if (!data.files().isEmpty()) {
            return Json.write(data);
        }
        return generate(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("values");
            for (Map.Entry<String, String> value : data.values().entrySet()) {
                json.writeStringField(clean(value.getKey()), clean(value.getValue()));
            }
            json.writeEndObject();
            json.writeArrayFieldStart("files");
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A stored {@link FlowData}; one with files, or in a shape this does not know, is read by the mapper. */
    static FlowData readData(String stored) {
        try (JsonParser json = FACTORY.createParser(stored)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Json.read(stored, FlowData.class);
            }
            Map<String, String> values = Map.of();
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("values") && value == JsonToken.START_OBJECT) {
                    values = new LinkedHashMap<>();
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String key = json.currentName();
                        if (json.nextToken() != JsonToken.VALUE_STRING) {
                            return Json.read(stored, FlowData.class);
                        }
                        values.put(key, json.getText());
                    }
                } else if (field.equals("files")) {
                    if (value != JsonToken.START_ARRAY || json.nextToken() != JsonToken.END_ARRAY) {
                        return Json.read(stored, FlowData.class);
                    }
                } else {
                    json.skipChildren();
                }
            }
            return values.isEmpty() ? FlowData.EMPTY : new FlowData(values, List.of());
        } catch (IOException e) {
            throw new RetainBotException("cannot read stored JSON as FlowData", e);
        }
    }

    /** Button labels as {@code [[data, label], ...]} pairs, oldest first (jsonb keeps the order of arrays). */
    static String writeLabels(Map<String, String> labels) {
        return generate(json -> {
            json.writeStartArray();
            for (Map.Entry<String, String> label : labels.entrySet()) {
                json.writeStartArray();
                json.writeString(clean(label.getKey()));
                json.writeString(clean(label.getValue()));
                json.writeEndArray();
            }
            json.writeEndArray();
        });
    }

    /** Stored button labels, in their order; a pair that is not two texts is left out. */
    static Map<String, String> readLabels(String stored) {
        Map<String, String> labels = new LinkedHashMap<>();
        try (JsonParser json = FACTORY.createParser(stored)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                return mappedLabels(stored);
            }
            while (json.nextToken() == JsonToken.START_ARRAY) {
                String data = json.nextTextValue();
                String label = data == null ? null : json.nextTextValue();
                if (label == null || json.nextToken() != JsonToken.END_ARRAY) {
                    return mappedLabels(stored);
                }
                labels.put(data, label);
            }
            return json.currentToken() == JsonToken.END_ARRAY ? labels : mappedLabels(stored);
        } catch (IOException e) {
            throw new RetainBotException("cannot read stored button labels", e);
        }
    }

    /** Labels in a shape {@link #readLabels} does not read itself, through the mapper. */
    private static Map<String, String> mappedLabels(String stored) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<String> pair : Json.read(stored, LABELS)) {
            if (pair.size() == 2 && pair.get(0) != null && pair.get(1) != null) {
                labels.put(pair.get(0), pair.get(1));
            }
        }
        return labels;
    }

    /** A reply as the mapper writes an {@link OutboundMessage}; one with a photo, or an edit, by the mapper. */
    static String write(OutboundMessage message) {
        if (!(message instanceof OutboundMessage.Text text) || text.photo() != null) {
            return Json.write(message);
        }
        return generate(json -> {
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeStringField("text", clean(text.text()));
            json.writeArrayFieldStart("buttons");
            for (List<Button> row : text.buttons()) {
                json.writeStartArray();
                for (Button button : row) {
                    json.writeStartObject();
                    json.writeStringField("label", clean(button.label()));
                    json.writeStringField("data", clean(button.data()));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeStringField("replyTo", clean(text.replyTo()));
            json.writeStringField("topic", clean(text.topic()));
            json.writeNullField("photo");
            json.writeEndObject();
        });
    }

    /** jsonb refuses the NUL character: drop it, keep the rest (as {@link Json#write} does). */
    private static String clean(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    @FunctionalInterface
    private interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    private static String generate(Writing writing) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writing.write(json);
        } catch (IOException e) {
            throw new RetainBotException("cannot write JSON", e);
        }
        return out.toString();
    }
}
