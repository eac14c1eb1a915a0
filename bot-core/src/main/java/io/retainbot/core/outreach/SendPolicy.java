package io.retainbot.core.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Whether a customer gets a broadcast now. Marketing needs consent, respects a per-customer
 * frequency cap (at most one marketing message in {@code frequencyCap}; greetings count) and quiet
 * hours in the customer's own time zone (waits for their end). Service messages go to everyone still
 * reachable, at any hour. Nobody without a reachable chat is sent anything.
 */
public record SendPolicy(Duration frequencyCap, LocalTime quietFrom, LocalTime quietUntil) {
    public static final SendPolicy DEFAULT = new SendPolicy(Duration.ofDays(3), LocalTime.of(21, 0),
            LocalTime.of(9, 0));

    public SendPolicy {
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        if (frequencyCap.isNegative()) {
            throw new IllegalArgumentException("the frequency cap must not be negative");
        }
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
    }

    /** Why a customer was skipped; stored by code. */
    public enum SkipReason {
        NO_CONSENT("no_consent"),
        UNREACHABLE("unreachable"),
        FREQUENCY_CAP("frequency_cap"),
        /** A run in the customers' zones started more than {@code LATE_BY_AT_MOST} after the customer's time. */
        TOO_LATE("too_late"),
        CANCELLED("cancelled");

        private final String code;

        SkipReason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public sealed interface Decision {
        record Send() implements Decision {
        }

        record Skip(SkipReason reason) implements Decision {
        }

        record Wait(Instant until) implements Decision {
        }
    }

    /**
     * @param lastMarketingAt when the customer last got a marketing message, {@code null} if never
     */
    public Decision decide(TemplatePurpose purpose, boolean consentGranted, boolean reachable,
                           Instant lastMarketingAt, ZoneId zone, Instant now) {
        if (!reachable) {
            return new Decision.Skip(SkipReason.UNREACHABLE);
        }
        if (purpose == TemplatePurpose.SERVICE) {
            return new Decision.Send();
        }
        if (!consentGranted) {
            return new Decision.Skip(SkipReason.NO_CONSENT);
        }
        if (lastMarketingAt != null && lastMarketingAt.isAfter(now.minus(frequencyCap))) {
            return new Decision.Skip(SkipReason.FREQUENCY_CAP);
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (quiet(local.toLocalTime())) {
            LocalDateTime end = local.toLocalDate().atTime(quietUntil);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            return new Decision.Wait(ZonedDateTime.of(end, zone).toInstant());
        }
        return new Decision.Send();
    }

    /**
     * For a service contact the customer did not ask for at that moment (an after-sales check-in): when
     * it may go at the earliest, given the customer's last such contact or marketing message ({@code null}
     * if none) and their quiet hours in {@code zone}; {@code now} when it may go now.
     */
    public Instant pacedFrom(Instant lastContactAt, ZoneId zone, Instant now) {
        Instant earliest = now;
        if (lastContactAt != null && lastContactAt.plus(frequencyCap).isAfter(earliest)) {
            earliest = lastContactAt.plus(frequencyCap);
        }
        LocalDateTime local = LocalDateTime.ofInstant(earliest, zone);
        if (quiet(local.toLocalTime())) {
            LocalDateTime end = local.toLocalDate().atTime(quietUntil);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            earliest = ZonedDateTime.of(end, zone).toInstant();
        }
        return earliest;
    }

    /**
     * Since when a paced contact has been allowed without a break, as of {@code now} (the later of the end
     * of the last quiet hours and the end of the frequency cap); a wait for a busy customer counts from here.
     */
    public Instant pacedSince(Instant lastContactAt, ZoneId zone, Instant now) {
        Instant since = lastContactAt == null ? Instant.MIN : lastContactAt.plus(frequencyCap);
        if (!quietFrom.equals(quietUntil)) {
            LocalDateTime local = LocalDateTime.ofInstant(now, zone);
            LocalDateTime end = local.toLocalDate().atTime(quietUntil);
            if (end.isAfter(local)) {
                end = end.minusDays(1);
            }
            Instant quietEnded = ZonedDateTime.of(end, zone).toInstant();
            since = quietEnded.isAfter(since) ? quietEnded : since;
        }
        return since;
    }

    private boolean quiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
