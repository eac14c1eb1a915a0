package io.retainbot.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's answer to "may we send you greetings and offers?". No answer means no.
 *
 * @param answeredAt when they answered, {@code null} if never asked or never answered
 * @param source     where they answered ("telegram button", "web /stop", "imported"), {@code null} if never
 */
public record Consent(boolean granted, Instant answeredAt, String source) {
    public static final Consent UNANSWERED = new Consent(false, null, null);

    public Consent {
        if (granted && answeredAt == null) {
            throw new IllegalArgumentException("consent can only be granted by an answer with a time");
        }
        if (answeredAt != null) {
            source = Objects.requireNonNullElse(source, "unknown");
        }
    }

    public static Consent answered(boolean granted, Instant at, String source) {
        return new Consent(granted, Objects.requireNonNull(at, "at"), Objects.requireNonNull(source, "source"));
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
