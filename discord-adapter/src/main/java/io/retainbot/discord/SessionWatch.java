package io.retainbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when the last gateway event arrived and when the connection dropped, so that a
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

    /** Called on a new session after a lost one; returns the warning it logged. */
    String recreated(String shard) {
        Instant now = clock.instant();
        Instant since = lastEvent.get() == null ? disconnectedAt.get() : lastEvent.get();
        disconnectedAt.set(null);
        String window = since == null ? "an unknown time" : since + " (" + Duration.between(since, now).toSeconds() + " s ago)";
        String warning = "Discord gateway session on " + shard + " could not be resumed and was started anew at " + now
                + ". Events since the last one received, at " + window + ", were not delivered: direct messages and "
                + "staff-channel messages sent in that window are lost (ask affected customers to write again), and "
                + "slash commands, button presses and form submissions in it failed for the user, who sees "
                + "\"interaction failed\" and can simply repeat them.";
        log.warn(warning);
        return warning;
    }
}
