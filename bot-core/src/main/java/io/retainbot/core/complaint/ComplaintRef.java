package io.retainbot.core.complaint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A complaint's reference as customers and staff say it: {@code C-} and a number. */
public record ComplaintRef(long number) {
    private static final Pattern FORM = Pattern.compile("\\s*[Cc]-?(\\d{1,12})\\s*");

    public ComplaintRef {
        if (number < 1) {
            throw new IllegalArgumentException("complaint number must be positive: " + number);
        }
    }

    /** Reads {@code C-1042}, {@code c1042} or {@code C-1042 } ; empty for anything else. */
    public static Optional<ComplaintRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ComplaintRef(Long.parseLong(matcher.group(1))));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "C-%d", number);
    }
}
