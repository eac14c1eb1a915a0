package io.retainbot.core.flow;

import io.retainbot.core.customer.Tone;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a flow knows of the customer it talks to.
 *
 * @param consentAnswered whether the customer was ever asked about greetings and offers
 * @param newCustomer     whether this event created the customer (their first contact)
 * @param consentSource   where the consent answer was given ("telegram /stop"), empty if never answered
 * @param birthdayKnown   whether the customer file has the customer's birthday
 */
public record CustomerCard(long id, String name, String language, Tone tone, ZoneId zone, boolean consentAnswered,
                           boolean consentGranted, boolean newCustomer, String consentSource, boolean birthdayKnown) {
    public CustomerCard {
        name = Objects.requireNonNullElse(name, "");
        consentSource = Objects.requireNonNullElse(consentSource, "");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(zone, "zone");
    }

    /** The same customer, in {@code newZone}. */
    public CustomerCard withZone(ZoneId newZone) {
        return new CustomerCard(id, name, language, tone, newZone, consentAnswered, consentGranted, newCustomer,
                consentSource, birthdayKnown);
    }
}
