package io.retainbot.app.web;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the chat page posts: one visitor action, with an id the page made so a retried post is
 * handled once.
 *
 * @param type text, command, button or start
 */
public record WebEvent(String id, String type, String text, String data, String messageId, String language) {
    static final int MAX_TEXT = 20_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public WebEvent {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidWebEvent("id must be 1 to 100 letters, digits, '-' or '_'");
        }
        if (type == null || !(type.equals("text") || type.equals("command") || type.equals("button") || type.equals("start"))) {
            throw new InvalidWebEvent("type must be text, command, button or start");
        }
        text = Objects.requireNonNullElse(text, "");
        data = Objects.requireNonNullElse(data, "");
        messageId = Objects.requireNonNullElse(messageId, "");
        language = Objects.requireNonNullElse(language, "");
        if (text.length() > MAX_TEXT) {
            throw new InvalidWebEvent("text is longer than " + MAX_TEXT + " characters");
        }
        if (type.equals("button") && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
            throw new InvalidWebEvent("a button event needs data of 1 to 64 bytes");
        }
        if (type.equals("command") && !text.strip().startsWith("/")) {
            throw new InvalidWebEvent("a command starts with /");
        }
        if (messageId.length() > 40 || language.length() > 35) {
            throw new InvalidWebEvent("messageId or language is too long");
        }
    }

    /** The page sent something the chat cannot take; the message says what. */
    public static final class InvalidWebEvent extends IllegalArgumentException {
        InvalidWebEvent(String message) {
            super(message);
        }
    }
}
