package io.retainbot.app.config;

import io.retainbot.core.outreach.SendPolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pace of marketing: at most one marketing message per customer in {@code MARKETING_FREQUENCY_CAP_HOURS}
 * (greetings count), and none in the customer's quiet hours {@code MARKETING_QUIET_HOURS} (their own
 * time zone; {@code off} for none). Service announcements keep neither.
 */
public record OutreachSettings(SendPolicy policy) {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final long MAX_CAP_HOURS = 24 * 365;

    public static OutreachSettings defaults() {
        return fromEnvironment(Map.of());
    }

    static OutreachSettings fromEnvironment(Map<String, String> env) {
        SendPolicy defaults = SendPolicy.DEFAULT;
        Duration cap = value(env, "MARKETING_FREQUENCY_CAP_HOURS").map(OutreachSettings::capHours)
                .orElse(defaults.frequencyCap());
        Optional<String> quiet = value(env, "MARKETING_QUIET_HOURS");
        LocalTime from = defaults.quietFrom();
        LocalTime until = defaults.quietUntil();
        if (quiet.isPresent()) {
            if (quiet.get().toLowerCase(Locale.ROOT).equals("off")) {
                from = LocalTime.MIDNIGHT;
                until = LocalTime.MIDNIGHT;
            } else {
                LocalTime[] span = quietHours(quiet.get());
                from = span[0];
                until = span[1];
            }
        }
        return new OutreachSettings(new SendPolicy(cap, from, until));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Duration capHours(String value) {
        try {
            long hours = Long.parseLong(value);
            if (hours >= 0 && hours <= MAX_CAP_HOURS) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException("MARKETING_FREQUENCY_CAP_HOURS must be a whole number of hours from 0 (no cap) to "
                + MAX_CAP_HOURS + ", for example 72 for at most one marketing message in 3 days; was \"" + value + "\"");
    }

    private static LocalTime[] quietHours(String value) {
        String problem = "MARKETING_QUIET_HOURS must be a span of local times such as 21:00-09:00 (no marketing from "
                + "21:00 until 09:00 in each customer's time zone), or off; was \"" + value + "\"";
        Matcher span = SPAN.matcher(value);
        if (!span.matches()) {
            throw new ConfigException(problem);
        }
        try {
            LocalTime from = LocalTime.parse(pad(span.group(1)));
            LocalTime until = LocalTime.parse(pad(span.group(2)));
            if (from.equals(until)) {
                throw new ConfigException(problem + " (both ends are the same time: write off for no quiet hours)");
            }
            return new LocalTime[] {from, until};
        } catch (DateTimeParseException invalid) {
            throw new ConfigException(problem);
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    @Override
    public String toString() {
        boolean quiet = !policy.quietFrom().equals(policy.quietUntil());
        return "[frequencyCap=" + policy.frequencyCap().toHours() + "h, quietHours="
                + (quiet ? policy.quietFrom() + "-" + policy.quietUntil() : "off") + "]";
    }
}
