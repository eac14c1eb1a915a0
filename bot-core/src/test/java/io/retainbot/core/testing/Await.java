package io.retainbot.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something asynchronous (a dispatcher thread, a poller, a platform adapter) with a generous
 * deadline: never a timed assertion, only a bound on how long a broken test may hang.
 */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        until(condition, DEFAULT, () -> "");
    }

    /** @param context said in the failure, to show what the test saw instead */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<?> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s " + context.get());
            }
            pause();
        }
    }

    /** A short sleep between two looks; an interrupt ends the wait as a failure. */
    public static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", interrupted);
        }
    }
}
