package io.retainbot.console.access;

import java.time.Duration;
import java.util.Objects;

/** What a sign-in came to. */
public sealed interface SignIn {
    /** @param cookieToken the session cookie's value, known only to this browser; the store keeps its hash */
    record SignedIn(String cookieToken, Duration lifetime) implements SignIn {
        public SignedIn {
            Objects.requireNonNull(cookieToken, "cookieToken");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    /** Unknown login, wrong password or inactive account: the same answer for all, so none can be told apart. */
    record Refused() implements SignIn {
    }

    /** Too many wrong passwords for this account or from this address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignIn {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
