package io.retainbot.core.port;

import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Domain events and the deliveries of each to the handlers that react to it. A delivery is handed out
 * locked ({@code for update skip locked}): while one transaction works on it, no other instance sees it.
 */
public interface EventStore {
    /** Records the event with one pending delivery per handler named; returns it with its id. */
    RecordedEvent append(DomainEvent event, Collection<String> handlers, Instant now);

    /** The next pending delivery due at {@code now} that no other transaction holds, locked until this one ends. */
    Optional<Delivery> lockNextDue(Instant now);

    void markDone(long eventId, String handler, Instant at);

    /** The handler failed: try again not before {@code notBefore}. */
    void retryLater(long eventId, String handler, Instant notBefore, String error);

    /**
     * The handler waits for something on its way (not a failure: no attempt is counted), and runs again
     * from {@code notBefore}.
     */
    void waitUntil(long eventId, String handler, Instant notBefore, String why);

    /** The handler failed too often: stop trying (kept for a person to look at). */
    void markFailed(long eventId, String handler, String error, Instant at);

    /** When the next pending delivery falls due, if any is pending. */
    Optional<Instant> nextDue();

    /** The events about one customer, oldest first. */
    List<RecordedEvent> ofCustomer(long customerId, int limit);

    /** The events about one complaint, oldest first. */
    List<RecordedEvent> ofComplaint(long complaintId, int limit);

    /** A delivery of an event to one handler, and how often it was tried before. */
    record Delivery(RecordedEvent event, String handler, int attempts) {
    }
}
