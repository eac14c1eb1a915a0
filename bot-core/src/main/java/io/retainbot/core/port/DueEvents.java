package io.retainbot.core.port;

import io.retainbot.core.chat.DueEvent;

/**
 * The timetable: events that fall due later. Scheduling is idempotent by the event's id: scheduling
 * {@code survey:C-1042:17} again while it waits changes nothing.
 */
public interface DueEvents {
    /** Schedules the event for its {@link DueEvent#dueAt}; returns false when it was already scheduled. */
    boolean schedule(DueEvent event);

    /**
     * Whether an event of this id waits with the same kind, customer and data (its time aside): one scheduled by
     * an earlier attempt of the caller's transaction, which may have run again after the scheduling committed
     * (scheduling commits at once). A timetable that cannot tell answers false.
     */
    default boolean waits(DueEvent event) {
        return false;
    }
}
