package io.retainbot.core.business;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When staff are warned that a promise to a customer may be missed: at stages given as percentages of
 * the opening time between filing and the promise (default 50% and 80%), and at the promise itself
 * (100%). Counted in opening time, so a complaint filed on Friday evening is not half-way by Saturday
 * night: the stages fall within opening hours.
 *
 * @param percents ascending, each 1 to 100
 */
public record AlertStages(List<Integer> percents) {
    public static final AlertStages DEFAULT = new AlertStages(List.of(50, 80, 100));

    public AlertStages {
        percents = List.copyOf(percents);
        if (percents.isEmpty()) {
            throw new IllegalArgumentException("at least one alert stage");
        }
        int previous = 0;
        for (Integer percent : percents) {
            if (percent == null || percent < 1 || percent > 100 || percent <= previous) {
                throw new IllegalArgumentException("alert stages are ascending percentages from 1 to 100, were "
                        + percents);
            }
            previous = percent;
        }
    }

    /** When the stage falls for a complaint filed at {@code filedAt} and promised for {@code promisedAt}. */
    public static Instant at(OpeningCalendar calendar, Instant filedAt, Instant promisedAt, int percent) {
        Objects.requireNonNull(calendar, "calendar");
        if (percent >= 100 || !promisedAt.isAfter(filedAt)) {
            return promisedAt;
        }
        Duration open = calendar.openBetween(filedAt, promisedAt);
        if (open.isZero()) {
            return promisedAt;
        }
        Instant stage = calendar.afterOpenTime(filedAt, Duration.ofSeconds(open.toSeconds() * percent / 100));
        return stage.isAfter(promisedAt) ? promisedAt : stage;
    }
}
