package io.retainbot.app.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the chat page posts: one visitor action, with an id the page made so a retried post is
 * handled once.
 *
 * @param type text, command, button or start
 * @param zone the browser's time zone (an IANA name such as Asia/Manila), may be empty; a name that is not one
 *             is dropped, since the page is the visitor's to change
 */
public record WebEvent(String id, String type, String text, String data, String messageId, String language,
                       String zone) {
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
        zone = zone == null || zone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(zone) ? "" : zone;
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

    /** An event without the browser's time zone, as an older page sends it. */
    public WebEvent(String id, String type, String text, String data, String messageId, String language) {
        this(id, type, text, data, messageId, language, "");
    }

    /** The page sent something the chat cannot take; the message says what. */
    public static final class InvalidWebEvent extends IllegalArgumentException {
        InvalidWebEvent(String message) {
            super(message);
        }
    }
}
