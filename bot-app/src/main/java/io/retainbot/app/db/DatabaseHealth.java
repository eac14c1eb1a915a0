package io.retainbot.app.db;

import io.retainbot.core.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers, in bounded time: one check runs at a time on one thread, its answer
 * is reused for a short while, and a caller waits at most {@code answerWithin}; a database that
 * does not answer by then counts as down. So a hung database can neither block {@code /health} nor
 * pile up threads.
 */
public final class DatabaseHealth implements AutoCloseable {
    private final BooleanSupplier check;
    private final Duration answerWithin;
    private final Duration reuseFor;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(DaemonThreads.named("retainbot-db-health"));
    private CompletableFuture<Boolean> latest;
    private long answeredAtNanos;

    public DatabaseHealth(BooleanSupplier check, Duration answerWithin, Duration reuseFor) {
        this.check = check;
        this.answerWithin = answerWithin;
        this.reuseFor = reuseFor;
    }

    public boolean isUp() {
        try {
            return current().get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException noAnswerInTime) {
            return false;
        } catch (ExecutionException failed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> current() {
        boolean stale = latest == null
                || latest.isDone() && System.nanoTime() - answeredAtNanos >= reuseFor.toNanos();
        if (stale) {
            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(this::safeCheck, prober);
            next.whenComplete((answer, failure) -> answered());
            latest = next;
        }
        return latest;
    }

    private boolean safeCheck() {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException failure) {
            return false;
        }
    }

    private synchronized void answered() {
        answeredAtNanos = System.nanoTime();
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
