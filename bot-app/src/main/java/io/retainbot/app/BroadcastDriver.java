package io.retainbot.app;

import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.port.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps broadcasts moving: asks the {@link BroadcastRunner} to advance every {@code every}, and again
 * at once while it finds work. Safe with several instances on one database: the runner takes its work
 * with row locks that other instances skip.
 */
final class BroadcastDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BroadcastDriver.class);
    private static final int MAX_STEPS_PER_TICK = 50;

    private final BroadcastRunner runner;
    private final ScheduledExecutorService executor;
    private volatile boolean stopping;

    BroadcastDriver(BroadcastRunner runner, Duration every, ThreadFactory threads) {
        this.runner = runner;
        this.executor = Executors.newSingleThreadScheduledExecutor(threads);
        executor.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (int step = 0; step < MAX_STEPS_PER_TICK && !stopping && runner.advance() > 0; step++) {
                // keep going while there is room in the window and deliveries are due
            }
        } catch (StoreUnavailableException unavailable) {
            log.warn("broadcasts wait: the database is unavailable");
        } catch (RuntimeException failure) {
            log.error("advancing broadcasts failed; trying again shortly", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
