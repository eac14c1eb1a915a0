package io.retainbot.core.port;

import java.util.ArrayList;
import java.util.List;

/** Runs work in one database transaction: all of it commits, or none of it does. */
public interface Transactor {
    <T> T inTransaction(Work<T> work);

    default void runInTransaction(VoidWork work) {
        inTransaction(session -> {
            work.run(session);
            return null;
        });
    }

    /**
     * Runs several pieces of work, in order, in one transaction with one commit; the store's transactor gives each
     * piece a session of its own (stores made for one piece are not shared with the next), this default runs them
     * all on the transaction's one session. There are no savepoints: if any piece
     * throws, nothing of any piece commits and the failure is thrown, as {@link #inTransaction} throws it.
     * Returns what each piece returned, in order, once all of it is committed.
     */
    default <T> List<T> inOneTransaction(List<Work<T>> pieces) {
        return inTransaction(session -> {
            List<T> results = new ArrayList<>(pieces.size());
            for (Work<T> piece : pieces) {
                results.add(piece.run(session));
            }
            return results;
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T run(StoreSession session);
    }

    @FunctionalInterface
    interface VoidWork {
        void run(StoreSession session);
    }
}
