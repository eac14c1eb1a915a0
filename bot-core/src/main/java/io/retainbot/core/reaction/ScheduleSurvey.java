package io.retainbot.core.reaction;

import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.port.StoreSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * After a resolution, ask the customer how it went: a survey falls due {@code delay} after the
 * complaint was resolved. Its id names the complaint and the resolution ({@code survey:C-1042:17}), so
 * running this twice schedules one survey, and a complaint resolved again later gets a new one.
 */
public final class ScheduleSurvey implements Reaction {
    public static final String NAME = "schedule_survey";
    public static final String SURVEY = "survey";

    private final DueEvents timetable;
    private final Duration delay;

    public ScheduleSurvey(DueEvents timetable, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the survey delay must not be negative");
        }
        this.timetable = timetable;
        this.delay = delay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintResolved;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ComplaintResolved resolved = (ComplaintResolved) recorded.event();
        String ref = resolved.ref().toString();
        timetable.schedule(new DueEvent(SURVEY + ":" + ref + ":" + recorded.id(), SURVEY, resolved.customerId(),
                resolved.occurredAt().plus(delay), Map.of("ref", ref)));
    }
}
