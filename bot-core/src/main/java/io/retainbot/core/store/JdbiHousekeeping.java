package io.retainbot.core.store;

import io.retainbot.core.port.Housekeeping;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Housekeeping} with every batch in a short transaction of its own, run again (as {@link JdbiTransactor}
 * runs work) when PostgreSQL aborts it in favour of another transaction: a batch deletes nothing but rows past
 * their time, so running it again is harmless.
 */
final class JdbiHousekeeping implements Housekeeping {
    private final Jdbi jdbi;
    private final JdbiTransactor transactor;

    JdbiHousekeeping(Jdbi jdbi, JdbiTransactor transactor) {
        this.jdbi = jdbi;
        this.transactor = transactor;
    }

    @Override
    public int pruneInbox(Instant cutoff, int batch) {
        return inOwnTransaction(dao -> dao.pruneInbox(cutoff, batch));
    }

    @Override
    public int pruneFinishedOutbox(Instant cutoff, int batch) {
        return inOwnTransaction(dao -> dao.pruneFinishedOutbox(cutoff, batch));
    }

    @Override
    public int pruneWebMessages(Instant cutoff, int batch) {
        return inOwnTransaction(dao -> dao.pruneWebMessages(cutoff, batch));
    }

    @Override
    public int pruneUnattachedFiles(Instant cutoff, int batch) {
        return inOwnTransaction(dao -> dao.pruneUnattachedFiles(cutoff, batch));
    }

    @Override
    public int pruneFinishedDeliveries(Instant cutoff, int batch) {
        return inOwnTransaction(dao -> dao.pruneFinishedDeliveries(cutoff, batch));
    }

    private int inOwnTransaction(ToIntFunction<HousekeepingDao> delete) {
        return transactor.retried(() -> jdbi.inTransaction(handle -> delete.applyAsInt(
                handle.attach(HousekeepingDao.class))), "pruning failed");
    }
}
