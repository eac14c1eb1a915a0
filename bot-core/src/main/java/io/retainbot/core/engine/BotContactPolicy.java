package io.retainbot.core.engine;

import io.retainbot.core.outreach.SendPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bot starts conversations of its own: a customer in the middle of another flow (filing a
 * complaint) is never interrupted; the bot looks again every {@code retryEvery}, and gives up (records
 * the contact as skipped, with the reason) when the customer is still busy {@code maxWait} after the
 * event fell due. Contacts the dialogue calls paced (a check-in) also keep the customer's quiet hours and
 * the frequency cap of {@code pace}: they wait for the next allowed time, they are not dropped.
 */
public record BotContactPolicy(Duration maxWait, Duration retryEvery, SendPolicy pace) {
    public static final BotContactPolicy DEFAULT = new BotContactPolicy(Duration.ofHours(2), Duration.ofMinutes(2));

    /** Paced by the default quiet hours and frequency cap ({@link SendPolicy#DEFAULT}). */
    public BotContactPolicy(Duration maxWait, Duration retryEvery) {
        this(maxWait, retryEvery, SendPolicy.DEFAULT);
    }

    /** The same waits, paced by {@code other}'s quiet hours and frequency cap. */
    public BotContactPolicy pacedBy(SendPolicy other) {
        return new BotContactPolicy(maxWait, retryEvery, other);
    }

    public BotContactPolicy {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(retryEvery, "retryEvery");
        Objects.requireNonNull(pace, "pace");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        if (retryEvery.isZero() || retryEvery.isNegative()) {
            throw new IllegalArgumentException("retryEvery must be positive");
        }
    }
}
