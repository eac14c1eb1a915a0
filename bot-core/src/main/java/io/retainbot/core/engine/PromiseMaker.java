package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.business.PromisePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Makes the promise for a complaint filed now: the internal target (filed + the category's
 * response target) and the later time told the customer (the target times the margin, rounded
 * up to a time a person would say, moved into opening hours). Under-promise, then over-deliver.
 */
interface PromiseMaker {
    Promise promise(Instant filedAt, ComplaintCategory category);

    record Promise(Instant targetAt, Instant promisedAt) {
    }

    static PromiseMaker forBusiness(BusinessConfig business) {
        OpeningCalendar calendar = OpeningCalendar.of(business);
        PromisePolicy policy = business.promise();
        ZoneId zone = business.zone();
        return (filedAt, category) -> {
            Duration target = category.responseTarget();
            Instant targetAt = filedAt.plus(target);
            Duration promised = Duration.ofSeconds(Math.round(target.toSeconds() * policy.margin()));
            ZonedDateTime rounded = roundUp(filedAt.plus(promised).atZone(zone), policy.roundTo());
            ZonedDateTime credible = calendar.credibleFrom(rounded, policy.roundTo());
            return new Promise(targetAt, credible.toInstant());
        };
    }

    /** Up to the next multiple of {@code step} counted from local midnight (16:00, not 15:20). */
    private static ZonedDateTime roundUp(ZonedDateTime time, Duration step) {
        ZonedDateTime midnight = time.toLocalDate().atStartOfDay(time.getZone());
        long stepSeconds = step.toSeconds();
        long sinceMidnight = Duration.between(midnight, time).toSeconds();
        if (sinceMidnight % stepSeconds == 0 && time.getNano() == 0) {
            return time;
        }
        return midnight.plusSeconds((sinceMidnight / stepSeconds + 1) * stepSeconds);
    }
}
