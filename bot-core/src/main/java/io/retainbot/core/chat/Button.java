package io.retainbot.core.chat;

/**
 * A quick-reply button: the label the user sees and the data that comes back when pressed.
 * Data is at most 64 bytes of UTF-8 (Telegram's callback-data limit), so it fits every platform.
 */
public record Button(String label, String data) {
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("button label must not be blank");
        }
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("button data must not be empty");
        }
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data longer than " + MAX_DATA_BYTES + " bytes: " + data);
        }
    }
}
