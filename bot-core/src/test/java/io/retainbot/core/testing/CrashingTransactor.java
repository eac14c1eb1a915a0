package io.retainbot.core.testing;

import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transactor that runs the work for real and then, when armed, fails before the commit, as a
 * process killed mid-handling would: everything the work wrote is rolled back.
 */
public final class CrashingTransactor implements Transactor {
    private final Transactor delegate;
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger groupCrashes = new AtomicInteger();

    public CrashingTransactor(Transactor delegate) {
        this.delegate = delegate;
    }

    /** The next {@code count} transactions crash after their work ran. */
    public void crashNext(int count) {
        crashes.set(count);
    }

    /** The next {@code count} transactions of several pieces (a group of events) crash after their last piece ran. */
    public void crashNextGroups(int count) {
        groupCrashes.set(count);
    }

    /** A group of pieces is one transaction: when armed, it crashes after its last piece ran, before the commit. */
    @Override
    public <T> List<T> inOneTransaction(List<Work<T>> pieces) {
        List<Work<T>> crashingAtTheEnd = new ArrayList<>(pieces);
        if (!pieces.isEmpty()) {
            Work<T> last = pieces.get(pieces.size() - 1);
            crashingAtTheEnd.set(pieces.size() - 1, session -> {
                T result = last.run(session);
                if (groupCrashes.getAndUpdate(left -> Math.max(0, left - 1)) > 0
                        || crashes.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new StoreUnavailableException("simulated crash before commit", null);
                }
                return result;
            });
        }
        return delegate.inOneTransaction(crashingAtTheEnd);
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
