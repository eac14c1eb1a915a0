package io.retainbot.core.engine;

import io.retainbot.core.chat.InboundEvent;
/**
 * Where platform adapters hand inbound events. {@link #accept} returns only after the event, the
 * state change and the replies it caused are committed, so an adapter may then tell its platform
 * the event was received (advance the offset, answer the webhook). If it throws (the database is
 * down), nothing was recorded: the adapter must not acknowledge, and should offer the event again.
 */
public interface EventSink {
    Receipt accept(InboundEvent event);

    enum Receipt {
        /** Recorded and handled now. */
        HANDLED,
        /** Seen before (same platform and event id): nothing was done again. */
        DUPLICATE,
        /** Came from a chat or person the bot ignores (a non-staff member in the staff channel). */
        IGNORED
    }
}
