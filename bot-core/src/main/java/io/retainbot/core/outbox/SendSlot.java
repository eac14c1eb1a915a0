package io.retainbot.core.outbox;

import io.retainbot.core.chat.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * One place in a platform's budget as every instance sending for the same bot shares it (the database's
 * {@code send_slot}): taken, it opens for its send at {@code opensAt}; given back, it is free again from
 * {@code opensAt} (a second after the send's answer, or when it opened if the send was not made).
 */
public record SendSlot(Platform platform, int number, Instant opensAt) {
    public SendSlot {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(opensAt, "opensAt");
        if (number < 0) {
            throw new IllegalArgumentException("a slot number is never negative, was " + number);
        }
    }

    /** The same place, free again from {@code at}. */
    public SendSlot freeFrom(Instant at) {
        return new SendSlot(platform, number, at);
    }
}
