package io.retainbot.core.chat;

import java.util.Locale;

/** The chat platforms RetainBot talks on. Persisted by {@link #code()}. */
public enum Platform {
    TELEGRAM,
    DISCORD,
    WEB;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
