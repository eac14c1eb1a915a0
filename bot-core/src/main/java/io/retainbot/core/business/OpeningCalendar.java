package io.retainbot.core.business;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** When the business is open: weekly hours minus holidays, in the business's time zone. */
public final class OpeningCalendar {
    private static final int SEARCH_DAYS = 366;

    private final ZoneId zone;
    private final BusinessHours hours;
    private final Set<LocalDate> holidays;

    public OpeningCalendar(ZoneId zone, BusinessHours hours, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Set.copyOf(holidays);
    }

    public static OpeningCalendar of(BusinessConfig business) {
        return new OpeningCalendar(business.zone(), business.hours(), business.holidays());
    }

    /**
     * The earliest time at or after {@code time} that a person can credibly be promised: within an
     * opening span, at least {@code lead} after it opened (nobody answers at the very minute the
     * doors open), and at the latest at closing time.
     */
    public ZonedDateTime credibleFrom(ZonedDateTime time, Duration lead) {
        LocalDateTime local = time.withZoneSameInstant(zone).toLocalDateTime();
        for (int day = 0; day <= SEARCH_DAYS; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            Optional<LocalDateTime> found = credibleOn(date, day == 0 ? local : date.atStartOfDay(), lead);
            if (found.isPresent()) {
                return found.get().atZone(zone);
            }
        }
        throw new IllegalStateException("the business is never open within a year of " + time);
    }

    private Optional<LocalDateTime> credibleOn(LocalDate date, LocalDateTime notBefore, Duration lead) {
        if (holidays.contains(date)) {
            return Optional.empty();
        }
        for (OpeningSpan span : hours.on(date.getDayOfWeek())) {
            LocalDateTime earliest = date.atTime(span.opens()).plus(lead);
            LocalDateTime latest = date.atTime(span.closes());
            if (earliest.isAfter(latest)) {
                earliest = latest;
            }
            LocalDateTime candidate = notBefore.isBefore(earliest) ? earliest : notBefore;
            if (!candidate.isAfter(latest)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
