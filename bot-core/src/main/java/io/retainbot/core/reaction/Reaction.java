package io.retainbot.core.reaction;

import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * What the business does in answer to a domain event (schedule a survey after a resolution, ping staff
 * about a new complaint). Runs at least once, after the change committed: its effects in {@code session}
 * commit together with the note that it ran, so after a crash it runs again, once. Anything it does
 * outside the session must be idempotent (scheduling is, by the due event's deterministic id).
 */
public interface Reaction {
    /** The stored name of this reaction, kept with each of its pending deliveries: fixed, never a class name. */
    String name();

    boolean reactsTo(DomainEvent event);

    /** @param reactions to record the domain events this reaction's own changes cause */
    void react(StoreSession session, RecordedEvent event, Instant now, Reactions reactions);

    /**
     * Thrown by a reaction that cannot do its work yet, for an expected reason (the ping it edits or answers is
     * still in the outbox): it is tried again like a failure, but this is no trouble worth a warning.
     */
    class NotYet extends io.retainbot.core.RetainBotException {
        public NotYet(String message) {
            super(message);
        }
    }
}
