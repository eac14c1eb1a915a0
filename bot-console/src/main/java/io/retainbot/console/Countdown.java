package io.retainbot.console;

import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.OpeningCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long until a complaint's promise, coloured by the alert stages the staff desk warns at: {@code ok}
 * before the first stage, {@code watch} from it, {@code risk} from a later one, {@code late} once the
 * promise is missed. The stages fall in opening time, as the staff's alerts do.
 *
 * @param text  "2 h 14 min left", "overdue by 5 min", in the reader's language
 * @param stage ok, watch, risk or late (the CSS class {@code stage-<stage>})
 * @param at    when the promise falls, in the business's time zone
 */
public record Countdown(String text, String stage, String at) {

    static Countdown of(Instant filedAt, Instant promisedAt, Instant now, OpeningCalendar calendar,
                        AlertStages stages, ConsoleTexts.In texts, String at) {
        if (!now.isBefore(promisedAt)) {
            return new Countdown(texts.get("countdown.late", span(Duration.between(promisedAt, now), texts)), "late", at);
        }
        List<Integer> percents = stages.percents().stream().filter(percent -> percent < 100).toList();
        int passed = 0;
        for (Integer percent : percents) {
            if (!now.isBefore(AlertStages.at(calendar, filedAt, promisedAt, percent))) {
                passed++;
            }
        }
        String stage = passed == 0 ? "ok" : passed == 1 && percents.size() > 1 ? "watch" : "risk";
        return new Countdown(texts.get("countdown.left", span(Duration.between(now, promisedAt), texts)), stage, at);
    }

    /** "3 d 4 h", "2 h 14 min", "5 min" (at least 1 min). */
    static String span(Duration duration, ConsoleTexts.In texts) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return texts.get("span.days_hours", days, hours);
        }
        if (hours > 0) {
            return texts.get("span.hours_minutes", hours, rest);
        }
        return texts.get("span.minutes", rest);
    }
}
