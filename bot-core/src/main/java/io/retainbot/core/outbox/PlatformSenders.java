package io.retainbot.core.outbox;

import io.retainbot.core.port.ChatGateway;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How one platform's sends run: on an executor of its own, at most {@code concurrency} at once, so
 * a platform that hangs or slows down holds only its own senders.
 *
 * @param executor runs the sends; it needs {@code concurrency} threads for them to run in parallel,
 *                 and a queue of at least {@code concurrency} (the dispatcher never submits more)
 */
public record PlatformSenders(ChatGateway gateway, Executor executor, int concurrency) {
    /** The fewest senders a platform gets. */
    public static final int MIN_CONCURRENCY = 16;
    /** How long one send may take, its round trip and the writing of its outcome, on a busy machine. */
    static final double SEND_SECONDS = 0.08;

    /**
     * Senders enough for a platform's budget: three quarters of them (the bulk lane's share) each making
     * a send every {@link #SEND_SECONDS} reach {@code perSecond}; at least {@link #MIN_CONCURRENCY}. 30 a
     * second gets 16, 1,000 a second (paid broadcasts) 107.
     */
    public static int concurrencyFor(double perSecond) {
        return Math.max(MIN_CONCURRENCY, (int) Math.ceil(perSecond * SEND_SECONDS * 4 / 3));
    }

    public PlatformSenders {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(executor, "executor");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }
}
