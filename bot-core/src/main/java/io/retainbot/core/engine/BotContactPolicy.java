package io.retainbot.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bot starts conversations of its own: a customer in the middle of another flow (filing a
 * complaint) is never interrupted; the bot looks again every {@code retryEvery}, and gives up (records
 * the contact as skipped, with the reason) when the customer is still busy {@code maxWait} after the
 * event fell due.
 */
public record BotContactPolicy(Duration maxWait, Duration retryEvery) {
    public static final BotContactPolicy DEFAULT = new BotContactPolicy(Duration.ofHours(2), Duration.ofMinutes(2));

    public BotContactPolicy {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(retryEvery, "retryEvery");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        if (retryEvery.isZero() || retryEvery.isNegative()) {
            throw new IllegalArgumentException("retryEvery must be positive");
        }
    }
}
