package io.retainbot.core.business;

import java.time.LocalTime;
import java.util.Objects;

/** One stretch of opening time within a day, {@code opens} inclusive, {@code closes} exclusive. */
public record OpeningSpan(LocalTime opens, LocalTime closes) {
    public OpeningSpan {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closing time " + closes + " must be after opening time " + opens);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
