package io.retainbot.core.reaction;

import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reactions the application runs, and the one way to record a domain event: in the caller's
 * transaction, with a pending delivery for every reaction that reacts to it.
 */
public final class Reactions {
    private final Map<String, Reaction> byName;

    private Reactions(List<Reaction> reactions) {
        Map<String, Reaction> named = new LinkedHashMap<>();
        for (Reaction reaction : reactions) {
            if (named.put(reaction.name(), reaction) != null) {
                throw new IllegalArgumentException("two reactions are named " + reaction.name());
            }
        }
        this.byName = Map.copyOf(named);
    }

    public static Reactions of(Reaction... reactions) {
        return new Reactions(List.of(reactions));
    }

    /** No reactions: events are recorded as business records and nothing reacts to them. */
    public static Reactions none() {
        return new Reactions(List.of());
    }

    public RecordedEvent record(StoreSession session, DomainEvent event, Instant now) {
        List<String> handlers = byName.values().stream().filter(reaction -> reaction.reactsTo(event))
                .map(Reaction::name).toList();
        return session.events().append(event, handlers, now);
    }

    Optional<Reaction> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
