package io.retainbot.core.outreach;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The placeholders a template text may use, written in braces: {@code {name}}, {@code {offerCode}}. */
public enum Placeholder {
    /** The customer as they prefer to be addressed ("Ms. Santos"), else their name. */
    NAME("name"),
    /** The business's name. */
    COMPANY("company"),
    /** The date of the next membership day, in the customer's language. */
    MEMBERSHIP_DAY("membershipDay"),
    /** A personal offer code, issued for this customer. */
    OFFER_CODE("offerCode"),
    /** The date the offer code expires, in the customer's language. */
    OFFER_EXPIRES("offerExpires");

    static final Pattern IN_TEXT = Pattern.compile("\\{([^{}]*)}");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Placeholder> byToken(String token) {
        return Arrays.stream(values()).filter(placeholder -> placeholder.token.equals(token)).findFirst();
    }

    /** "{name}, {company}, ..." for messages that list what is allowed. */
    public static String known() {
        return Arrays.stream(values()).map(placeholder -> "{" + placeholder.token + "}")
                .collect(Collectors.joining(", "));
    }

    /** The first placeholder in {@code text} that is none of these ("{nmae}" gives "nmae"), if any. */
    public static Optional<String> firstUnknownIn(String text) {
        Matcher matcher = IN_TEXT.matcher(text);
        while (matcher.find()) {
            if (byToken(matcher.group(1)).isEmpty()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The placeholders a text uses.
     *
     * @throws IllegalArgumentException naming an unknown placeholder and the known ones
     */
    public static Set<Placeholder> usedIn(String text) {
        Set<Placeholder> used = new LinkedHashSet<>();
        Matcher matcher = IN_TEXT.matcher(text);
        while (matcher.find()) {
            String token = matcher.group(1);
            used.add(byToken(token).orElseThrow(() -> new IllegalArgumentException(
                    "unknown placeholder {" + token + "}; the known ones are " + known())));
        }
        return used;
    }
}
