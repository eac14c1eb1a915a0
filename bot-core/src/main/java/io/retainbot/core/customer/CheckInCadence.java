package io.retainbot.core.customer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One after-sales check-in the business makes: {@code days} after a purchase (its date) or after a
 * complaint was resolved (the day of the resolution), at {@code at} in the customer's own time zone, the
 * bot asks with the catalog text {@code textKey} whether all is well.
 *
 * @param name    stable name, part of each check-in's id ({@code checkin:purchase-3d:42}); unique per business
 * @param after   what the check-in follows
 * @param days    1 to 730 days after it
 * @param at      the local time of day it is due (quiet hours may move it later)
 * @param textKey the catalog key of the question, one of {@link #TEXT_KEYS}
 */
public record CheckInCadence(String name, After after, int days, LocalTime at, String textKey) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    public static final int MAX_DAYS = 730;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);
    /** The questions a check-in can ask, in the message catalogs (a business rewords them in its templates). */
    public static final Set<String> TEXT_KEYS = Set.of("checkin.arrived", "checkin.how_is_it", "checkin.still_fine",
            "checkin.general");

    /** What a check-in follows. */
    public enum After {
        PURCHASE("purchase"),
        RESOLVED_COMPLAINT("resolved-complaint");

        private final String code;

        After(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static After fromCode(String code) {
            for (After after : values()) {
                if (after.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return after;
                }
            }
            throw new IllegalArgumentException("a check-in follows purchase or resolved-complaint, not \"" + code + "\"");
        }
    }

    public CheckInCadence {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a check-in name is 1 to 40 of a-z, 0-9, - and _, was \"" + name + "\"");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a check-in comes 1 to " + MAX_DAYS + " days after, was " + days);
        }
        if (!TEXT_KEYS.contains(textKey)) {
            throw new IllegalArgumentException("a check-in's text is one of " + String.join(", ", TEXT_KEYS.stream()
                    .sorted().toList()) + ", was \"" + textKey + "\"");
        }
        if (!textKey.equals("checkin.general") && textKey.equals("checkin.still_fine") != (after == After.RESOLVED_COMPLAINT)) {
            throw new IllegalArgumentException("the text " + textKey + " does not fit a check-in after "
                    + after.code() + "; use checkin.general or " + (after == After.PURCHASE
                    ? "checkin.arrived or checkin.how_is_it" : "checkin.still_fine"));
        }
    }

    /** A cadence named after what it follows and when ({@code purchase-3d}), at {@link #DEFAULT_TIME}. */
    public static CheckInCadence of(After after, int days, String textKey) {
        return new CheckInCadence(after.code() + "-" + days + "d", after, days, DEFAULT_TIME, textKey);
    }

    /** When the check-in about something that happened on {@code day} falls due for a customer in {@code zone}. */
    public ZonedDateTime dueAfter(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day.plusDays(days), at, zone);
    }
}
