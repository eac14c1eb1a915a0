package io.retainbot.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What RetainBot has started, stopped in reverse order on every way out: a failed start, {@link RetainBot#close},
 * and a SIGTERM or Ctrl-C that arrives while it is still starting (the embedded PostgreSQL must not outlive us).
 * A stop during start-up stops what has started at once and waits, bounded, for the step in progress: whatever
 * that step brings up is stopped as soon as it is handed over, and the start ends with a {@link StartupFailure}.
 */
public final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    /** How long a stop waits for the start-up step in progress (a migration, the database coming up). */
    static final Duration START_STEP_WAIT = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean starting = true;
    private boolean stopping;
    private boolean stopped;
    private boolean startedUp;

    /** Takes over a part that has started; stops it at once (and ends the start) if a stop came meanwhile. */
    synchronized void started(AutoCloseable part) {
        started.push(part);
        if (stopping) {
            throw new StartupFailure("stopped during start-up (SIGTERM or Ctrl-C); nothing was left running");
        }
    }

    /** The start is over: {@code succeeded}, or failed (then {@link #stop} runs next). */
    synchronized void startEnded(boolean succeeded) {
        starting = false;
        startedUp = succeeded;
        notifyAll();
    }

    /** Whether the start got to the end (a stop before that stopped it during start-up). */
    public synchronized boolean startedUp() {
        return startedUp;
    }

    /** Whether a stop was asked for (a start that fails meanwhile fails because of it). */
    public synchronized boolean stopping() {
        return stopping;
    }

    /** Whether everything is stopped already (a failed start stopped what it started). */
    public synchronized boolean stopped() {
        return stopped;
    }

    /** Stops everything started so far; during start-up also what the step in progress still brings up. */
    public synchronized void stop() {
        stopping = true;
        closeAll();
        long deadline = System.nanoTime() + START_STEP_WAIT.toNanos();
        try {
            while (starting && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (starting) {
            log.warn("the start-up step in progress did not end within {} s; stopping without it",
                    START_STEP_WAIT.toSeconds());
        }
        closeAll();
        stopped = true;
    }

    private void closeAll() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (Exception failure) {
                log.warn("{} did not stop cleanly: {}", part.getClass().getSimpleName(), failure.getMessage());
            }
        }
    }
}
