package io.retainbot.core.reaction;

import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.customer.CheckInPlanned;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/**
 * A planned check-in falls due: its due event {@code checkin:<cadence>:<purchase or complaint id>} is
 * scheduled at its time. This runs after the check-in's row committed ({@link CheckInPlanned} is recorded
 * with it), so a check-in whose time has already come when this runs (the relay ran late) is handed to the
 * engine at once and finds its row. Running this twice schedules it once (the id is deterministic).
 */
public final class ScheduleCheckIn implements Reaction {
    public static final String NAME = "schedule_check_in";

    private final DueEvents timetable;

    public ScheduleCheckIn(DueEvents timetable) {
        this.timetable = timetable;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof CheckInPlanned;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        CheckInPlanned planned = (CheckInPlanned) recorded.event();
        timetable.schedule(new DueEvent(PlanCheckIns.id(planned.cadence(), planned.aboutId()), PlanCheckIns.KIND,
                planned.customerId(), planned.dueAt(), planned.dueData()));
    }
}
