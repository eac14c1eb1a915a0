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
 * complaint was resolved, and its one reminder {@code reminderAfter} later (it asks only if the survey
 * went unanswered). Their ids name the complaint and the resolution ({@code survey:C-1042:17},
 * {@code survey-reminder:C-1042:17}), so running this twice schedules one of each, and a complaint
 * resolved again later gets a new survey; the earlier one, naming an earlier resolution, then asks nothing.
 */
public final class ScheduleSurvey implements Reaction {
    public static final String NAME = "schedule_survey";
    public static final String SURVEY = "survey";
    public static final String REMINDER = "survey_reminder";
    /** The due events' datum naming the resolution they follow (its instant). */
    public static final String RESOLVED_AT = "resolvedAt";
    /** When the reminder follows the survey, unless told otherwise. */
    public static final Duration DEFAULT_REMINDER_AFTER = Duration.ofHours(24);

    private final DueEvents timetable;
    private final Duration delay;
    private final Duration reminderAfter;

    public ScheduleSurvey(DueEvents timetable, Duration delay) {
        this(timetable, delay, DEFAULT_REMINDER_AFTER);
    }

    public ScheduleSurvey(DueEvents timetable, Duration delay, Duration reminderAfter) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the survey delay must not be negative");
        }
        if (reminderAfter.isNegative() || reminderAfter.isZero()) {
            throw new IllegalArgumentException("the survey reminder must come some time after the survey");
        }
        this.timetable = timetable;
        this.delay = delay;
        this.reminderAfter = reminderAfter;
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
        Instant asked = resolved.occurredAt().plus(delay);
        // the resolution it follows: a complaint resolved again meanwhile is asked about by the later survey only
        Map<String, String> data = Map.of("ref", ref, RESOLVED_AT, resolved.occurredAt().toString());
        timetable.schedule(new DueEvent(SURVEY + ":" + ref + ":" + recorded.id(), SURVEY, resolved.customerId(),
                asked, data));
        timetable.schedule(new DueEvent("survey-reminder:" + ref + ":" + recorded.id(), REMINDER,
                resolved.customerId(), asked.plus(reminderAfter), data));
    }
}
