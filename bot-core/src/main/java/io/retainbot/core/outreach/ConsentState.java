package io.retainbot.core.outreach;

import java.util.Locale;

/** Where a customer stands on marketing consent, as a segment filters it. */
public enum ConsentState {
    /** They said yes. */
    GRANTED,
    /** They said no, or opted out later. */
    REFUSED,
    /** Never asked, or never answered. */
    UNANSWERED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted codes */
    public static ConsentState fromCode(String code) {
        for (ConsentState state : values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("must be one of granted, refused, unanswered; was \"" + code + "\"");
    }
}
