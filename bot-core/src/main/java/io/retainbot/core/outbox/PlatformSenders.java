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
    public PlatformSenders {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(executor, "executor");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }
}
