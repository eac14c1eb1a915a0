package io.retainbot.core.business;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
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

    /** The opening time between two instants: closed hours, closed days and holidays do not count. */
    public Duration openBetween(Instant from, Instant to) {
        Duration open = Duration.ZERO;
        if (!to.isAfter(from)) {
            return open;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (OpeningSpan span : openSpans(date)) {
                Instant start = later(date.atTime(span.opens()).atZone(zone).toInstant(), from);
                Instant end = earlier(date.atTime(span.closes()).atZone(zone).toInstant(), to);
                if (end.isAfter(start)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    /**
     * The instant when {@code open} of opening time has passed since {@code from}: "4 business hours after
     * Friday 16:00" is Monday 11:00 with 9-to-6 weekdays. Zero is {@code from} itself.
     */
    public Instant afterOpenTime(Instant from, Duration open) {
        if (open.isNegative()) {
            throw new IllegalArgumentException("opening time to add must not be negative");
        }
        if (open.isZero()) {
            return from;
        }
        Duration left = open;
        LocalDate first = from.atZone(zone).toLocalDate();
        for (int day = 0; day <= SEARCH_DAYS * 10; day++) {
            LocalDate date = first.plusDays(day);
            for (OpeningSpan span : openSpans(date)) {
                Instant start = later(date.atTime(span.opens()).atZone(zone).toInstant(), from);
                Instant end = date.atTime(span.closes()).atZone(zone).toInstant();
                if (!end.isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("the business is not open long enough within ten years of " + from);
    }

    private List<OpeningSpan> openSpans(LocalDate date) {
        return holidays.contains(date) ? List.of() : hours.on(date.getDayOfWeek());
    }

    private static Instant later(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }

    private static Instant earlier(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
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
