package io.retainbot.core.i18n;

import io.retainbot.core.customer.Tone;
import java.util.LinkedHashMap;
import java.util.Map;

/** The catalog seen from one customer's language and tone. */
public final class Texts {
    private final Messages messages;
    private final String language;
    private final Tone tone;

    Texts(Messages messages, String language, Tone tone) {
        this.messages = messages;
        this.language = language;
        this.tone = tone;
    }

    public String language() {
        return language;
    }

    public Tone tone() {
        return tone;
    }

    /** The text for {@code key}; {@code namesAndValues} alternate: name, value, name, value. */
    public String get(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name, value pairs for " + key);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return messages.format(language, tone, key, args);
    }

    /** The same texts in another tone (same language). */
    public Texts inTone(Tone other) {
        return messages.in(language, other);
    }

    /** The same texts in another language (same tone). */
    public Texts inLanguage(String other) {
        return messages.in(other, tone);
    }
}
