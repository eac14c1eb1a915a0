package io.retainbot.core.outbox;

import io.retainbot.core.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one platform's senders ({@link PlatformSenders#executor}): a send goes to a sender waiting
 * idle, and a new thread starts only when none is, up to {@code concurrency}; beyond that a send waits for the
 * next free sender (the dispatcher never has more than {@code concurrency} in flight, so none waits long).
 * Idle senders end after {@link #IDLE}. A plain fixed pool starts a thread for every send until it has
 * {@code concurrency} of them, needed or not: 107 at 1,000 a second (paid broadcasts), where far fewer are
 * busy at once while the platform answers quickly; each thread costs resident memory (its stack as deep as it
 * ever went, about 110 KB here, and the JVM's bookkeeping). The bot's process owns and stops the pool.
 */
public final class SenderPool {
    /** How long an idle sender waits for work before it ends. */
    public static final Duration IDLE = Duration.ofMinutes(1);

    private SenderPool() {
    }

    /** Senders named {@code name-1}, {@code name-2} ..., daemon threads, at most {@code concurrency} at once. */
    public static ExecutorService create(String name, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        HandOff waiting = new HandOff();
        return new ThreadPoolExecutor(0, concurrency, IDLE.toMillis(), TimeUnit.MILLISECONDS, waiting,
                DaemonThreads.named(name), (send, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the senders are stopping");
                    }
                    // every sender is busy and there are as many as allowed: the next one free takes it
                    waiting.put(send);
                });
    }

    /**
     * Takes a send only when a sender is waiting for one, so the pool starts a thread otherwise (a pool's
     * queue that accepts everything would keep a pool of no core threads at one).
     */
    private static final class HandOff extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable send) {
            return tryTransfer(send);
        }
    }
}
