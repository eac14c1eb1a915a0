package io.retainbot.core.store;

import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.Transactor;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionException;

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
        } catch (ConnectionException | StatementException | TransactionException e) {
            throw new StoreException("database operation failed: " + e.getMessage(), e);
        }
    }
}
