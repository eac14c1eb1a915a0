package io.retainbot.core;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads RetainBot's own pools and single workers run on: daemon threads (they never keep a stopping process
 * alive: every pool is shut down in order by whoever owns it), named {@code name-1}, {@code name-2} ... so a
 * thread dump says whose each one is.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code name-1}, {@code name-2} ... */
    public static ThreadFactory named(String name) {
        Objects.requireNonNull(name, "name");
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
