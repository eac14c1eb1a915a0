package io.retainbot.core.store;

import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Runs work in one Jdbi transaction, with every store bound to its handle. */
final class JdbiTransactor implements Transactor {
    private final Jdbi jdbi;

    JdbiTransactor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        try {
            return jdbi.inTransaction(handle -> work.run(new JdbiStoreSession(handle)));
        } catch (JdbiException e) {
            if (isUnavailable(e)) {
                throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
            }
            throw new StoreException("database operation failed: " + e.getMessage(), e);
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
