package io.retainbot.core.port;

import io.retainbot.core.chat.DueEvent;

/**
 * The timetable: events that fall due later. Scheduling is idempotent by the event's id: scheduling
 * {@code survey:C-1042:17} again while it waits changes nothing.
 */
public interface DueEvents {
    /**
     * Schedules the event for its {@link DueEvent#dueAt}; returns false when another event of its id was already
     * scheduled and waits. One that waits with the same kind, customer and data is taken for this one, scheduled
     * by an earlier attempt of the caller's transaction (scheduling commits at once, the caller's transaction
     * may be run again): put what tells one caller's event from another's into its data.
     */
    boolean schedule(DueEvent event);
}
