package io.retainbot.core.reaction;

import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.port.StoreSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A filed complaint is watched until its promise: an alert to staff falls due at each {@link AlertStages}
 * stage ({@code alert:C-1042:50}), and a "still on it" message to the customer at the internal target
 * when that comes before the promise ({@code still-on-it:C-1042}). When its category has a resolution
 * target, the time it should be resolved by (that much opening time after filing) is recorded, and a
 * resolution alert falls due at each stage of the way there ({@code resolution-alert:C-1042:80}). The ids
 * are deterministic, so running this twice schedules each once; whether an alert is still needed is
 * decided when it falls due.
 */
public final class WatchPromise implements Reaction {
    public static final String NAME = "watch_promise";
    /** The due event kind of a staff alert. */
    public static final String ALERT = "promise_alert";
    /** The due event kind of a staff alert before the resolution target is missed. */
    public static final String RESOLUTION_ALERT = "resolution_alert";
    /** The due event kind of the customer's "still on it" message. */
    public static final String STILL_ON_IT = "still_on_it";

    private final DueEvents timetable;
    private final BusinessConfig business;
    private final OpeningCalendar calendar;
    private final AlertStages stages;

    public WatchPromise(DueEvents timetable, BusinessConfig business, AlertStages stages) {
        this.timetable = timetable;
        this.business = business;
        this.calendar = OpeningCalendar.of(business);
        this.stages = stages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ComplaintFiled;
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ComplaintFiled filed = (ComplaintFiled) recorded.event();
        Optional<Complaint> found = session.complaints().find(filed.ref());
        if (found.isEmpty() || found.get().promisedAt() == null) {
            return;
        }
        Complaint complaint = found.get();
        String ref = complaint.ref().toString();
        for (int percent : stages.percents()) {
            Instant at = AlertStages.at(calendar, complaint.createdAt(), complaint.promisedAt(), percent);
            timetable.schedule(new DueEvent("alert:" + ref + ":" + percent, ALERT, complaint.customerId(), at,
                    Map.of("ref", ref, "stage", String.valueOf(percent))));
        }
        if (complaint.targetAt() != null && complaint.targetAt().isBefore(complaint.promisedAt())) {
            timetable.schedule(new DueEvent("still-on-it:" + ref, STILL_ON_IT, complaint.customerId(),
                    complaint.targetAt(), Map.of("ref", ref)));
        }
        Optional<Duration> resolution = business.category(complaint.category())
                .map(ComplaintCategory::resolutionTarget);
        if (resolution.isPresent()) {
            Instant due = calendar.afterOpenTime(complaint.createdAt(), resolution.get());
            session.complaints().setResolutionDue(complaint.id(), due);
            for (int percent : stages.percents()) {
                Instant at = AlertStages.at(calendar, complaint.createdAt(), due, percent);
                timetable.schedule(new DueEvent("resolution-alert:" + ref + ":" + percent, RESOLUTION_ALERT,
                        complaint.customerId(), at, Map.of("ref", ref, "stage", String.valueOf(percent),
                        "due", due.toString())));
            }
        }
    }
}
