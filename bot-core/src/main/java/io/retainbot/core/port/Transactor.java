package io.retainbot.core.port;

/** Runs work in one database transaction: all of it commits, or none of it does. */
public interface Transactor {
    <T> T inTransaction(Work<T> work);

    default void runInTransaction(VoidWork work) {
        inTransaction(session -> {
            work.run(session);
            return null;
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
