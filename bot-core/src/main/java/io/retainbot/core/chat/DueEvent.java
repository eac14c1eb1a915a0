package io.retainbot.core.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Time as an input: something that falls due for one customer (a survey after a resolution, a
 * birthday greeting). It enters the engine like a platform update, and its deterministic id
 * ({@code survey:C-1042:17}, {@code birthday:2027:customer-42}) is its inbox key, so a second delivery
 * (a retry, another instance, a restart) is a no-op.
 *
 * @param kind  which bot-initiated flow it starts ({@code survey})
 * @param dueAt when it fell due; the wait for a busy customer is counted from here
 * @param data  what the flow needs (for example {@code ref -> C-1042})
 */
public record DueEvent(String id, String kind, long customerId, Instant dueAt, Map<String, String> data) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*:[A-Za-z0-9:_.-]{1,150}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public DueEvent {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a due event id looks like survey:C-1042:17, was " + id);
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a due event kind is a lower-case name such as survey, was " + kind);
        }
        Objects.requireNonNull(dueAt, "dueAt");
        data = Map.copyOf(Objects.requireNonNullElse(data, Map.of()));
    }
}
