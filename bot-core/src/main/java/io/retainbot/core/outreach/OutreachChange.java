package io.retainbot.core.outreach;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to outreach, recorded in the transaction that made it: what (a segment, a template, a
 * broadcast, the birthday greetings), which one (its id and its name at the time), what was done, by whom
 * and when.
 *
 * @param changedBy     the staff member, {@code null} for the REST API's admin token
 * @param changedByName the staff member's name at the time, {@code null} for the admin token
 */
public record OutreachChange(long id, Long changedBy, String changedByName, Subject subject, Long subjectId,
                             String subjectName, Action action, Instant at) {
    public OutreachChange {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    public ChangedBy by() {
        return changedBy == null || changedByName == null ? ChangedBy.ADMIN_TOKEN
                : ChangedBy.staff(changedBy, changedByName);
    }

    public enum Subject {
        SEGMENT,
        TEMPLATE,
        BROADCAST,
        BIRTHDAY_GREETINGS
    }

    public enum Action {
        CREATED,
        CHANGED,
        DELETED,
        PAUSED,
        RESUMED,
        CANCELLED
    }
}
