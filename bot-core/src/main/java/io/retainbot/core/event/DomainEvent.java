package io.retainbot.core.event;

import java.time.Instant;

/**
 * A fact the business cares about, named in the past tense ({@code ComplaintResolved}), recorded in the
 * same transaction as the change it describes and kept as a business record. Handlers react to it
 * later, at least once.
 */
public interface DomainEvent {
    /** The stored name of this kind of event: fixed, never derived from a class name. */
    String kind();

    /** The customer the fact is about. */
    long customerId();

    Instant occurredAt();
}
