package io.retainbot.core.engine;

import java.time.Instant;
import java.util.Objects;

/** What became of a due event handed to {@link ConversationEngine#acceptDue}. */
public sealed interface DueReceipt {
    /** The conversation was started (or the event no longer applied and was recorded as skipped). */
    record Handled() implements DueReceipt {
    }

    /** The event was handled before (same id): nothing was done again. */
    record Duplicate() implements DueReceipt {
    }

    /** The customer is in the middle of another flow: offer the event again at {@code retryAt}. Nothing was written. */
    record Deferred(Instant retryAt) implements DueReceipt {
        public Deferred {
            Objects.requireNonNull(retryAt, "retryAt");
        }
    }

    /** Recorded as skipped, with the reason (also kept as a {@code ContactSkipped} domain event). */
    record Skipped(String reason) implements DueReceipt {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
