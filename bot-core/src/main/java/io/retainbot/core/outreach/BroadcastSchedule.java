package io.retainbot.core.outreach;

import java.time.Duration;
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
 * time in their zone. Set up (or changed) in the middle of an occurrence's day, a customer-zone
 * schedule still covers that occurrence for every zone where its time is ahead or passed less than
 * {@link #LATE_BY_AT_MOST} ago (a greeting set up at 10:00 in Seoul reaches today's Seoul birthdays at
 * once); each occurrence is one run, so no day is ever covered twice.
 */
public sealed interface BroadcastSchedule {
    /** The earliest time zone on Earth: a customer-zone occurrence is due there first. */
    ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
    /** The latest time zone on Earth: a customer-zone occurrence is due there last. */
    ZoneOffset LATEST = ZoneOffset.ofHours(-12);
    /**
     * How long after its local time a customer-zone occurrence still reaches a customer, when its run
     * starts late (set up that day, or the service was down): 12 hours, so 09:00 still holds at 20:59.
     */
    Duration LATE_BY_AT_MOST = Duration.ofHours(12);

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

        /**
         * In the business zone the next occurrence after {@code now}; in the customers' zones the first
         * one that is still ahead in some zone or passed less than {@link #LATE_BY_AT_MOST} ago there.
         */
        @Override
        public Optional<LocalDateTime> first(Instant now, ZoneId businessZone) {
            if (zoneMode == ZoneMode.CUSTOMER) {
                return Optional.of(LocalDateTime.ofInstant(rule.nextAfter(now.minus(LATE_BY_AT_MOST), LATEST),
                        LATEST));
            }
            return Optional.of(LocalDateTime.ofInstant(rule.nextAfter(now, businessZone), businessZone));
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
