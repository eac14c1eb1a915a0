package io.retainbot.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** What the bot sends: a text with optional button rows, or an edit of one of its earlier messages. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OutboundMessage.Text.class, name = "text"),
        @JsonSubTypes.Type(value = OutboundMessage.Edit.class, name = "edit")
})
public sealed interface OutboundMessage {
    String text();

    /** Rows of buttons, top to bottom; empty for none. */
    List<List<Button>> buttons();

    record Text(String text, List<List<Button>> buttons) implements OutboundMessage {
        public Text {
            text = requireText(text);
            buttons = copyRows(buttons);
        }

        public static Text of(String text) {
            return new Text(text, List.of());
        }
    }

    /** Replace the text (and buttons) of the bot's earlier message {@code messageId}. */
    record Edit(String messageId, String text, List<List<Button>> buttons) implements OutboundMessage {
        public Edit {
            if (messageId == null || messageId.isBlank()) {
                throw new IllegalArgumentException("messageId must not be blank");
            }
            text = requireText(text);
            buttons = copyRows(buttons);
        }
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an outbound message needs text");
        }
        return text;
    }

    private static List<List<Button>> copyRows(List<List<Button>> rows) {
        return Objects.requireNonNullElse(rows, List.<List<Button>>of()).stream()
                .filter(row -> !row.isEmpty())
                .map(List::copyOf)
                .toList();
    }
}
