package io.retainbot.core.customer;

import java.util.Locale;

/** How much a customer may bring, for segmenting attention and offers. */
public enum OpportunityTier {
    HIGH,
    MEDIUM,
    LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OpportunityTier fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
