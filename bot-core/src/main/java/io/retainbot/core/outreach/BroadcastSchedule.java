package io.retainbot.core.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a broadcast goes out: once at a moment, or recurring on a calendar rule in the business's
 * time zone or in each customer's own. An occurrence is a local date and time; in the customers'
 * zones it is due first where the day starts first (UTC+14), and each customer gets it at that local
 * time in their zone.
 */
public sealed interface BroadcastSchedule {
    /** The earliest time zone on Earth: a customer-zone occurrence is due there first. */
    ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

    enum ZoneMode {
        BUSINESS,
        CUSTOMER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static ZoneMode fromCode(String code) {
            for (ZoneMode mode : values()) {
                if (mode.code().equals(code)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("must be business or customer; was \"" + code + "\"");
        }
    }

    ZoneMode zoneMode();

    /** The first occurrence due after {@code now}, empty when there is none. */
    Optional<LocalDateTime> first(Instant now, ZoneId businessZone);

    /** The occurrence after {@code previous}, empty when there is none. */
    Optional<LocalDateTime> after(LocalDateTime previous);

    /** When an occurrence is first due. */
    default Instant dueAt(LocalDateTime occurrence, ZoneId businessZone) {
        return zoneMode() == ZoneMode.CUSTOMER ? occurrence.atOffset(EARLIEST).toInstant()
                : occurrence.atZone(businessZone).toInstant();
    }

    /** Once, at a moment ("now" is a moment too). */
    record Once(Instant at) implements BroadcastSchedule {
        public Once {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public ZoneMode zoneMode() {
            return ZoneMode.BUSINESS;
        }

        @Override
        public Optional<LocalDateTime> first(Instant now, ZoneId businessZone) {
            return Optional.of(LocalDateTime.ofInstant(at, businessZone));
        }

        @Override
        public Optional<LocalDateTime> after(LocalDateTime previous) {
            return Optional.empty();
        }
    }

    /** On a calendar rule, for as long as the broadcast is active. */
    record Recurring(CalendarRule rule, ZoneMode zoneMode) implements BroadcastSchedule {
        public Recurring {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(zoneMode, "zoneMode");
        }

        @Override
        public Optional<LocalDateTime> first(Instant now, ZoneId businessZone) {
            ZoneId zone = zoneMode == ZoneMode.CUSTOMER ? EARLIEST : businessZone;
            return Optional.of(LocalDateTime.ofInstant(rule.nextAfter(now, zone), zone));
        }

        @Override
        public Optional<LocalDateTime> after(LocalDateTime previous) {
            LocalDate date = rule.firstDateOnOrAfter(previous.toLocalDate());
            if (!date.atTime(rule.at()).isAfter(previous)) {
                date = rule.firstDateOnOrAfter(date.plusDays(1));
            }
            return Optional.of(date.atTime(rule.at()));
        }
    }
}
