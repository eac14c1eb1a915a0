package io.retainbot.console.access;

import java.util.Objects;

/** What a change to an account came to: done, or refused with the message key saying why. */
public sealed interface AccountResult {
    record Done() implements AccountResult {
    }

    record Refused(String messageKey) implements AccountResult {
        public Refused {
            Objects.requireNonNull(messageKey, "messageKey");
        }
    }

    static AccountResult done() {
        return new Done();
    }

    static AccountResult refused(String messageKey) {
        return new Refused(messageKey);
    }
}
