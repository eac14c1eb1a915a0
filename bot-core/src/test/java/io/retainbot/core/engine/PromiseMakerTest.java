package io.retainbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ComplaintCategory;
import io.retainbot.core.business.PromisePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromiseMakerTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ComplaintCategory DELIVERY = new ComplaintCategory("delivery", Map.of("en", "Delivery"),
            Duration.ofHours(18));

    @Test
    void promisesTwentyFourHoursForAnEighteenHourTargetRoundedToTheHour() {
        Instant monday = seoul("2026-11-23T15:20");

        PromiseMaker.Promise promise = makerIn(SEOUL, Set.of()).promise(monday, DELIVERY);

        assertThat(promise.targetAt()).isEqualTo(seoul("2026-11-24T09:20"));
        assertThat(promise.promisedAt()).isEqualTo(seoul("2026-11-24T16:00"));
    }

    @Test
    void movesAPromiseThatFallsAtNightToTheNextMorning() {
        Instant evening = seoul("2026-11-23T20:10");

        PromiseMaker.Promise promise = makerIn(SEOUL, Set.of()).promise(evening, DELIVERY);

        assertThat(promise.targetAt()).isEqualTo(seoul("2026-11-24T14:10"));
        assertThat(promise.promisedAt()).isEqualTo(seoul("2026-11-25T10:00"));
    }

    @Test
    void movesPastAHoliday() {
        Instant beforeHoliday = seoul("2026-12-24T15:20");

        PromiseMaker.Promise promise = makerIn(SEOUL, Set.of(LocalDate.of(2026, 12, 25))).promise(beforeHoliday, DELIVERY);

        assertThat(promise.promisedAt()).isEqualTo(seoul("2026-12-26T11:00"));
    }

    @Test
    void neverPromisesBeforeTheInternalTarget() {
        BusinessConfig exact = business(SEOUL, Set.of(), new PromisePolicy(1.0, Duration.ofMinutes(30)));
        Instant monday = seoul("2026-11-23T11:00");

        PromiseMaker.Promise promise = PromiseMaker.forBusiness(exact).promise(monday, DELIVERY);

        assertThat(promise.promisedAt()).isAfterOrEqualTo(promise.targetAt());
        assertThat(promise.promisedAt()).isEqualTo(seoul("2026-11-24T09:30"));
    }

    @Test
    void roundsToHalfHoursWhenTheBusinessSaysSo() {
        BusinessConfig halfHours = business(SEOUL, Set.of(), new PromisePolicy(4.0 / 3.0, Duration.ofMinutes(30)));
        ComplaintCategory billing = new ComplaintCategory("billing", Map.of("en", "Billing"), Duration.ofHours(3));

        PromiseMaker.Promise promise = PromiseMaker.forBusiness(halfHours).promise(seoul("2026-11-23T10:05"), billing);

        assertThat(promise.promisedAt()).isEqualTo(seoul("2026-11-23T14:30"));
    }

    private static PromiseMaker makerIn(ZoneId zone, Set<LocalDate> holidays) {
        return PromiseMaker.forBusiness(business(zone, holidays, PromisePolicy.standard()));
    }

    private static BusinessConfig business(ZoneId zone, Set<LocalDate> holidays, PromisePolicy policy) {
        BusinessConfig defaults = BusinessConfig.defaults();
        return new BusinessConfig("Demo Shop", zone, defaults.hours(), holidays, defaults.categories(), policy,
                defaults.referrals(), defaults.templates());
    }

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }
}
