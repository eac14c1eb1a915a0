package io.retainbot.core.store;

import io.retainbot.core.port.Housekeeping;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.StoreUnavailableException;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** {@link Housekeeping} with every batch in a short transaction of its own. */
final class JdbiHousekeeping implements Housekeeping {
    private final Jdbi jdbi;

    JdbiHousekeeping(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        try {
            return jdbi.inTransaction(handle -> delete.applyAsInt(handle.attach(HousekeepingDao.class)));
        } catch (JdbiException e) {
            if (JdbiTransactor.isUnavailable(e)) {
                throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
            }
            throw new StoreException("pruning failed: " + e.getMessage(), e);
        }
    }
}
