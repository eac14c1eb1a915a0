package io.retainbot.core.outreach;

import io.retainbot.core.customer.Tone;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A template's wording in one language and tone, with placeholders such as {@code {name}}. */
public record TemplateText(String language, Tone tone, String body) {
    public static final int MAX_BODY = 4000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public TemplateText {
        language = Objects.requireNonNullElse(language, "").strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a two- or three-letter code such as en, ko, tl; was \""
                    + language + "\"");
        }
        tone = Objects.requireNonNullElse(tone, Tone.FORMAL);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body must not be blank");
        }
        body = body.strip();
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body is longer than " + MAX_BODY + " characters");
        }
        Placeholder.usedIn(body);
    }

    public Set<Placeholder> placeholders() {
        return Placeholder.usedIn(body);
    }
}
