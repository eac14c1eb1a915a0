package io.retainbot.app.config;

import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.schedule.RetentionPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Time as an input: how often the scheduler looks for due work, when the satisfaction survey follows a
 * resolution and when its one reminder follows the survey, when a customer who agreed to greetings is
 * asked for their birthday, how long a bot-initiated conversation waits for a busy customer, and how
 * long working rows are kept.
 */
public record ScheduleSettings(Duration pollInterval, Duration surveyDelay, Duration birthdayAskDelay,
                               BotContactPolicy botContact, RetentionPolicy retention, Duration surveyReminder) {
    public static ScheduleSettings defaults() {
        return fromEnvironment(Map.of());
    }

    static ScheduleSettings fromEnvironment(Map<String, String> env) {
        Duration poll = Duration.ofSeconds(number(env, "SCHEDULER_POLL_SECONDS", 10, 1, 3600));
        Duration survey = Duration.ofMinutes(number(env, "SURVEY_DELAY_MINUTES", 24 * 60, 0, 60 * 24 * 60));
        Duration birthdayAsk = Duration.ofMinutes(number(env, "BIRTHDAY_ASK_DELAY_MINUTES", 24 * 60, 0,
                60 * 24 * 60));
        Duration reminder = Duration.ofHours(number(env, "SURVEY_REMINDER_HOURS", 24, 1, 24 * 30));
        Duration maxWait = Duration.ofMinutes(number(env, "BOT_CONTACT_MAX_WAIT_MINUTES", 120, 0, 60 * 24 * 7));
        RetentionPolicy defaults = RetentionPolicy.DEFAULT;
        RetentionPolicy retention = new RetentionPolicy(
                Duration.ofDays(number(env, "RETENTION_INBOX_DAYS", defaults.inbox().toDays(), 1, 3650)),
                Duration.ofDays(number(env, "RETENTION_OUTBOX_DAYS", defaults.outbox().toDays(), 1, 3650)),
                Duration.ofDays(number(env, "RETENTION_WEB_MESSAGE_DAYS", defaults.webMessages().toDays(), 1, 3650)),
                Duration.ofDays(number(env, "RETENTION_FILE_DAYS", defaults.files().toDays(), 1, 3650)),
                defaults.every(), defaults.batch());
        return new ScheduleSettings(poll, survey, birthdayAsk,
                new BotContactPolicy(maxWait, BotContactPolicy.DEFAULT.retryEvery()), retention, reminder);
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        String value = Optional.ofNullable(env.get(name)).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", was \"" + value
                + "\"");
    }

    @Override
    public String toString() {
        return "[poll=" + pollInterval.toSeconds() + "s, surveyDelay=" + surveyDelay.toMinutes() + "min, surveyReminder="
                + surveyReminder.toHours() + "h, birthdayAskDelay=" + birthdayAskDelay.toMinutes() + "min, botContactWait=" + botContact.maxWait().toMinutes()
                + "min, retention inbox/outbox/web/files=" + retention.inbox().toDays() + "/" + retention.outbox().toDays()
                + "/" + retention.webMessages().toDays() + "/" + retention.files().toDays() + " days]";
    }
}
