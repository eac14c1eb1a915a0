package io.retainbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when the last message or interaction arrived and when the connection dropped, so that a
 * reconnect that could not resume (a new session: Discord does not replay what happened in between)
 * is reported with the gap and what may have been missed.
 */
final class SessionWatch {
    private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);

    private final Clock clock;
    private final AtomicReference<Instant> lastEvent = new AtomicReference<>();
    private final AtomicReference<Instant> disconnectedAt = new AtomicReference<>();

    SessionWatch(Clock clock) {
        this.clock = clock;
    }

    void eventArrived() {
        lastEvent.set(clock.instant());
    }

    void disconnected() {
        disconnectedAt.compareAndSet(null, clock.instant());
    }

    void resumed() {
        Instant since = disconnectedAt.getAndSet(null);
        if (since != null) {
            log.info("Discord gateway session resumed after a disconnect at {}: missed events are replayed", since);
        }
    }

    /** Called on a new session after a lost one: warns with the gap and what may have been missed. */
    void recreated(String shard) {
        Instant now = clock.instant();
        Instant last = lastEvent.get();
        Instant lost = disconnectedAt.getAndSet(null);
        String window = last == null ? "no event had been received yet"
                : "the last event was received at " + last + " (" + Duration.between(last, now).toSeconds() + " s ago)";
        String warning = "Discord gateway session on " + shard + " could not be resumed and was started anew at " + now
                + "; " + window + (lost == null ? "" : ", the connection was lost at " + lost)
                + ". Events in between were not delivered and Discord does not replay them: direct messages and "
                + "staff-channel messages sent in that window are lost (ask affected customers to write again), and "
                + "slash commands, button presses and form submissions in it failed for the user, who sees "
                + "\"interaction failed\" and can simply repeat them.";
        log.warn(warning);
    }
}
