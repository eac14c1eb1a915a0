package io.retainbot.core.store;

import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one Jdbi transaction, with every store bound to its handle. Work that PostgreSQL aborts
 * because it ran into another transaction (a deadlock it was chosen to break, or a serialization failure)
 * is run again from the start in a new transaction, a few times, after a short random pause: the
 * transactions of customers, staff, schedules and the outbox take row locks in orders that cannot all be
 * the same, and one of them losing such a race is no reason to fail a customer's message or a staff
 * request. Work must therefore have no effect outside its transaction that would be wrong twice. Work
 * called inside other work joins its transaction (Jdbi's handle per thread) and is never run again on
 * its own: the outer work is.
 */
final class JdbiTransactor implements Transactor {
    /** How many times work is tried in all when it keeps losing to other transactions. */
    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(JdbiTransactor.class);

    /** Whether this thread is inside work already (its transaction is the outer work's). */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private final Jdbi jdbi;

    JdbiTransactor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return retried(() -> jdbi.inTransaction(handle -> work.run(new JdbiStoreSession(handle))),
                "database operation failed");
    }

    /**
     * One handle and one transaction for all pieces, a {@link JdbiStoreSession} of its own for each. Lost to
     * another transaction (a deadlock), all the pieces run again from the first, as work does.
     */
    @Override
    public <T> List<T> inOneTransaction(List<Work<T>> pieces) {
        return retried(() -> jdbi.inTransaction(handle -> {
            List<T> results = new ArrayList<>(pieces.size());
            for (Work<T> piece : pieces) {
                results.add(piece.run(new JdbiStoreSession(handle)));
            }
            return results;
        }), "database operation failed");
    }

    /**
     * Runs {@code transaction} (one transaction, begun and committed by it), and runs it again from the start
     * when PostgreSQL aborted it in favour of another, as {@link #inTransaction} does; for the store's own
     * transactions outside {@link Transactor} (housekeeping). Failures become {@link StoreUnavailableException}
     * or a {@link StoreException} starting with {@code failed}.
     */
    <T> T retried(Supplier<T> transaction, String failed) {
        boolean outermost = !INSIDE.get();
        for (int attempt = 1; ; attempt++) {
            try {
                INSIDE.set(true);
                return transaction.get();
            } catch (RuntimeException e) {
                String conflict = outermost ? conflict(e) : null;
                if (conflict != null && attempt < ATTEMPTS && !Thread.currentThread().isInterrupted()) {
                    log.info("a transaction lost to another ({}); running it again (attempt {} of {})", conflict,
                            attempt + 1, ATTEMPTS);
                    pauseBefore(attempt);
                    continue;
                }
                if (!(e instanceof JdbiException)) {
                    throw e;
                }
                if (isUnavailable(e)) {
                    throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
                }
                throw new StoreException(failed + ": " + e.getMessage(), e);
            } finally {
                if (outermost) {
                    INSIDE.remove();
                }
            }
        }
    }

    /** What PostgreSQL said when it aborted the work to let another transaction through; null for anything else. */
    static String conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "40P01":
                        return "deadlock detected";
                    case "40001":
                        return "could not serialize";
                    default:
                        break;
                }
            }
        }
        return null;
    }

    /** A few milliseconds, more after each attempt and random, so the two sides do not meet again at once. */
    private static void pauseBefore(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 5L << attempt);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connection trouble (SQLSTATE class 08, admin shutdown 57P, pool timeouts) rather than a bad statement. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
