package io.retainbot.core.schedule;

import java.time.Duration;

/**
 * How long working rows are kept before the retention job prunes them, and in what batches. Business
 * records (complaints, their attached files, notes, the interaction log, consent, domain events) are
 * kept regardless.
 *
 * @param inbox       handled inbound events (the record that dedupes re-deliveries)
 * @param outbox      finished outbox rows (delivered, failed, unreachable, skipped)
 * @param webMessages what the bot and web chat visitors said (the chat page's history), message by message:
 *                    a returning visitor keeps the recent part
 * @param files       files uploaded in the web chat that no complaint has attached (attached ones are kept)
 * @param every       how often the job runs
 * @param batch       rows deleted per short transaction
 */
public record RetentionPolicy(Duration inbox, Duration outbox, Duration webMessages, Duration files, Duration every,
                              int batch) {
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(90), Duration.ofHours(1), 1000);

    public RetentionPolicy {
        for (Duration kept : new Duration[] {inbox, outbox, webMessages, files}) {
            if (kept.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("rows are kept at least one day");
            }
        }
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("the retention job's interval must be positive");
        }
        if (batch < 1 || batch > 100_000) {
            throw new IllegalArgumentException("the retention batch must be 1 to 100000 rows");
        }
    }
}
