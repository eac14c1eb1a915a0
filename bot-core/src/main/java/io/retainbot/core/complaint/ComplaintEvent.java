package io.retainbot.core.complaint;

import io.retainbot.core.event.DomainEvent;

/** A domain event about one complaint. */
public interface ComplaintEvent extends DomainEvent {
    long complaintId();

    ComplaintRef ref();
}
