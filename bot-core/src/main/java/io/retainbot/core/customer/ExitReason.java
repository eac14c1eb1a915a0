package io.retainbot.core.customer;

import java.util.Locale;
import java.util.Optional;

/** Why a customer stopped greetings and offers, as they answered when asked (free text counts as other). */
public enum ExitReason {
    TOO_MANY,
    NOT_RELEVANT,
    NO_LONGER_CUSTOMER,
    PRIVACY,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason a code names, empty for anything else (button data may be forged). */
    public static Optional<ExitReason> fromCode(String code) {
        for (ExitReason reason : values()) {
            if (reason.code().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
