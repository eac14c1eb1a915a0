package io.retainbot.core.event;

import java.util.Objects;

/** A domain event as the store keeps it: with the id it got when it was recorded. */
public record RecordedEvent(long id, DomainEvent event) {
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
    }
}
