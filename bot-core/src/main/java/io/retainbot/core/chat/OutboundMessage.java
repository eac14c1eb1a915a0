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

    /**
     * A new message.
     *
     * @param replyTo the platform id of an earlier message in the same chat this one answers (shown as a
     *                reply where the platform has replies); empty for none
     * @param topic   where the platform has threads (Discord), open one under this message with this name;
     *                its id is the message's; empty for none
     * @param photo   a photo shown with the text where the platform shows photos; {@code null} for none
     */
    record Text(String text, List<List<Button>> buttons, String replyTo, String topic, Photo photo)
            implements OutboundMessage {
        public Text {
            text = requireText(text);
            buttons = copyRows(buttons);
            replyTo = Objects.requireNonNullElse(replyTo, "");
            topic = Objects.requireNonNullElse(topic, "");
        }

        public Text(String text, List<List<Button>> buttons, String replyTo, String topic) {
            this(text, buttons, replyTo, topic, null);
        }

        public Text(String text, List<List<Button>> buttons) {
            this(text, buttons, "", "", null);
        }

        /** This text with {@code photo} (null: without one). */
        public Text withPhoto(Photo photo) {
            return new Text(text, buttons, replyTo, topic, photo);
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
