package io.retainbot.core.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/** A customer tag, kept in one spelling: trimmed, lower case, inner blanks as one dash ("VIP Client" is "vip-client"). */
public record Tag(String name) {
    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    public Tag {
        if (name == null) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        name = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a tag has 1 to " + MAX_LENGTH + " characters, was \"" + name + "\"");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("a tag has letters, digits, '-', '_' and '.' only, was \"" + name + "\"");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
