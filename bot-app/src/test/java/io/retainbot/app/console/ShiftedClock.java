package io.retainbot.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time, shifted: it ticks like the system clock (so paced sending and polling behave as in a
 * shop), and a test can move it ahead to a moment it waits for, such as a membership day next month.
 */
final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    /** From now on the clock reads {@code moment} (and ticks on from there). */
    void jumpTo(Instant moment) {
        shift = Duration.between(Instant.now(), moment);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the shifted clock reads UTC only");
    }
}
