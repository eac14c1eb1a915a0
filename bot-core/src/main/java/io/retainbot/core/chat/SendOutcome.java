package io.retainbot.core.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one send. Adapters map every platform answer to exactly one of these at the
 * boundary; the dispatcher decides what to do next from them alone.
 */
public sealed interface SendOutcome {

    /** The platform accepted the message; {@code messageId} is its id there (for later edits). */
    record Delivered(String messageId) implements SendOutcome {
        public Delivered {
            messageId = Objects.requireNonNullElse(messageId, "");
        }
    }

    /** The user blocked the bot, left, was deleted, or the bot lost permission: stop sending there. */
    record Unreachable(String reason) implements SendOutcome {
        public Unreachable {
            reason = Objects.requireNonNullElse(reason, "");
        }
    }

    /** The platform asked us to wait; never send to that chat before {@code retryAfter} has passed. */
    record RateLimited(Duration retryAfter) implements SendOutcome {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }
    }

    /**
     * The send failed. {@code retryable} for server errors and network trouble (retried with
     * backoff); not for a request the platform refused as malformed (recorded, never repeated).
     */
    record Failed(String reason, boolean retryable) implements SendOutcome {
        public Failed {
            reason = Objects.requireNonNullElse(reason, "");
        }
    }
}
