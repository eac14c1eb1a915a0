package io.retainbot.core.complaint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A complaint's reference as customers and staff say it: {@code C-} and a number. */
public record ComplaintRef(long number) {
    private static final Pattern FORM = Pattern.compile("\\s*[Cc]-?(\\d{1,12})\\s*");
    private static final Pattern LOOKALIKE = Pattern.compile("\\s*[Cc]-[^\\s]{0,20}\\s*");

    public ComplaintRef {
        if (number < 1) {
            throw new IllegalArgumentException("complaint number must be positive: " + number);
        }
    }

    /** Reads {@code C-1042}, {@code c1042} or {@code C-1042 } ; empty for anything else, {@code C-0} included. */
    public static Optional<ComplaintRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(matcher.group(1));
        return number < 1 ? Optional.empty() : Optional.of(new ComplaintRef(number));
    }

    /** Whether {@code text} was meant as a reference but is not one ({@code C-0}, {@code C-12a}). */
    public static boolean looksLikeOne(String text) {
        return text != null && parse(text).isEmpty() && LOOKALIKE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return "C-" + number;
    }
}
