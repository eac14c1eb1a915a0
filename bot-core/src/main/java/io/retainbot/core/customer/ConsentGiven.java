package io.retainbot.core.customer;

import io.retainbot.core.event.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The customer agreed to greetings and offers, and where ({@code source}: "telegram /stop", "api").
 *
 * @param recordedByStaff whether a staff member recorded an answer the customer gave them (in the console): the
 *                        bot then starts no dialogue of its own about it (the birthday question); staff can ask
 *                        and note the birthday in the same form
 */
public record ConsentGiven(long customerId, String source, Instant occurredAt, boolean recordedByStaff)
        implements DomainEvent {
    public static final String KIND = "consent_given";

    public ConsentGiven {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Consent the customer gave the bot (in chat) or that came with an import. */
    public ConsentGiven(long customerId, String source, Instant occurredAt) {
        this(customerId, source, occurredAt, false);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
