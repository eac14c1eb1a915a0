package io.retainbot.core.outreach;

import io.retainbot.core.port.BroadcastTimetable;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Birthday greetings: every day, each consenting customer (of a segment, or everyone) whose birthday
 * it is gets the greeting template at a local time (09:00 unless set) in their own time zone; 29
 * February birthdays are greeted on 28 February outside leap years. Each day is one run, so a
 * customer is greeted once a year, across restarts and instances.
 */
public final class Greetings {
    static final String BIRTHDAY_NAME = "Birthday greetings";

    private final Transactor transactor;
    private final ZoneId businessZone;
    private final Clock clock;
    private final BroadcastTimetable timetable;

    public Greetings(Transactor transactor, ZoneId businessZone, Clock clock, BroadcastTimetable timetable) {
        this.transactor = transactor;
        this.businessZone = businessZone;
        this.clock = clock;
        this.timetable = timetable;
    }

    /**
     * @param segmentId who may be greeted, {@code null} for every customer (consent is needed either way)
     */
    public record BirthdaySettings(boolean enabled, long templateId, LocalTime at, Long segmentId) {
        public BirthdaySettings {
            if (at == null) {
                at = BirthdayGreetingTime.DEFAULT.at();
            }
        }
    }

    public Optional<Broadcast> birthday() {
        return transactor.inTransaction(session -> session.broadcasts().birthday());
    }

    /**
     * Sets the birthday greetings up, or changes them.
     *
     * @throws Broadcasts.Refused when the template or segment does not exist
     */
    public Broadcast setBirthday(BirthdaySettings settings) {
        return setBirthday(settings, ChangedBy.ADMIN_TOKEN);
    }

    /**
     * Sets the birthday greetings up, or changes them, recording who did.
     *
     * @throws Broadcasts.Refused when the template or segment does not exist
     */
    public Broadcast setBirthday(BirthdaySettings settings, ChangedBy by) {
        Instant now = clock.instant();
        BroadcastSchedule schedule = new BroadcastSchedule.Recurring(new CalendarRule.Daily(settings.at()),
                BroadcastSchedule.ZoneMode.CUSTOMER);
        LocalDateTime next = schedule.first(now, businessZone).orElseThrow();
        Instant due = schedule.dueAt(next, businessZone);
        Broadcast.Status status = settings.enabled() ? Broadcast.Status.ACTIVE : Broadcast.Status.PAUSED;
        Broadcast saved = transactor.inTransaction(session -> {
            if (session.templates().find(settings.templateId()).isEmpty()) {
                throw new Broadcasts.Refused("templateId", "there is no template " + settings.templateId());
            }
            if (settings.segmentId() != null && session.segments().find(settings.segmentId()).isEmpty()) {
                throw new Broadcasts.Refused("segmentId", "there is no segment " + settings.segmentId());
            }
            Optional<Broadcast> existing = session.broadcasts().birthday();
            if (existing.isEmpty()) {
                Broadcast created = session.broadcasts().create(BIRTHDAY_NAME, Broadcast.Kind.BIRTHDAY,
                        settings.segmentId(), settings.templateId(), schedule, next, due, now)
                        .orElseThrow(() -> new Broadcasts.Refused("name", "another broadcast is called \""
                                + BIRTHDAY_NAME + "\"; rename it first"));
                if (!settings.enabled()) {
                    session.broadcasts().setStatus(created.id(), Broadcast.Status.PAUSED, now);
                }
            } else {
                session.broadcasts().updateBirthday(existing.get().id(), settings.segmentId(), settings.templateId(),
                        schedule, status, next, due, now);
            }
            Broadcast birthday = session.broadcasts().birthday().orElseThrow();
            session.outreachChanges().record(by, OutreachChange.Subject.BIRTHDAY_GREETINGS, birthday.id(),
                    birthday.name(), existing.isEmpty() ? OutreachChange.Action.CREATED : OutreachChange.Action.CHANGED,
                    now);
            return birthday;
        });
        if (settings.enabled()) {
            timetable.planOccurrence(saved.id(), due);
        }
        return saved;
    }
}
