package io.retainbot.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retainbot.core.RetainBotException;

/** The one JSON mapper of the store, for jsonb columns. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static String write(Object value) {
        try {
            // jsonb refuses the escaped NUL character: drop it, keep the rest
            return MAPPER.writeValueAsString(value).replace("\\u0000", "");
        } catch (JsonProcessingException e) {
            throw new RetainBotException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RetainBotException("cannot read stored JSON as " + type.getType(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RetainBotException("cannot read stored JSON as " + type.getSimpleName(), e);
        }
    }
}
