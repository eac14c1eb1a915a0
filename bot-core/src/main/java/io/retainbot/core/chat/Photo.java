package io.retainbot.core.chat;

/**
 * A photo the bot shows with a text (a template's photo), named by the key under which the bot keeps it;
 * the platform gateway reads its bytes when it sends. A platform that cannot show photos gets the text alone.
 */
public record Photo(String key) {
    public Photo {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a photo needs a key");
        }
    }
}
