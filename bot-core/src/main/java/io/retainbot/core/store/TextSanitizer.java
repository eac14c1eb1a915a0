package io.retainbot.core.store;

/** PostgreSQL text refuses U+0000: the store drops it and keeps the rest, so no write ever fails on it. */
final class TextSanitizer {
    private TextSanitizer() {
    }

    static String withoutNul(String text) {
        if (text == null || text.indexOf('\u0000') < 0) {
            return text;
        }
        return text.replace("\u0000", "");
    }
}
