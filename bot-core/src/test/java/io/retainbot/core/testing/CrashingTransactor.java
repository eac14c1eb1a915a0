package io.retainbot.core.testing;

import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transactor that runs the work for real and then, when armed, fails before the commit, as a
 * process killed mid-handling would: everything the work wrote is rolled back.
 */
public final class CrashingTransactor implements Transactor {
    private final Transactor delegate;
    private final AtomicInteger crashes = new AtomicInteger();

    public CrashingTransactor(Transactor delegate) {
        this.delegate = delegate;
    }

    /** The next {@code count} transactions crash after their work ran. */
    public void crashNext(int count) {
        crashes.set(count);
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return delegate.inTransaction(session -> {
            T result = work.run(session);
            if (crashes.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new StoreUnavailableException("simulated crash before commit", null);
            }
            return result;
        });
    }
}
