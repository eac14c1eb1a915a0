package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.TestDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transactions that run into each other: the one PostgreSQL aborts runs again, and both changes stay. */
class TransactorIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor.runInTransaction(session -> {
            session.settings().put("a", "0");
            session.settings().put("b", "0");
        });
    }

    @Test
    void theVictimOfADeadlockRunsAgainAndBothTransactionsCommit() throws Exception {
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> forwards = CompletableFuture.runAsync(() -> transactor.runInTransaction(session -> {
            boolean first = runs.incrementAndGet() <= 2;
            session.settings().put("a", "forwards");
            meetOnce(bothHoldTheirFirstRow, first);
            session.settings().put("b", "forwards");
        }));
        CompletableFuture<Void> backwards = CompletableFuture.runAsync(() -> transactor.runInTransaction(session -> {
            boolean first = runs.incrementAndGet() <= 2;
            session.settings().put("b", "backwards");
            meetOnce(bothHoldTheirFirstRow, first);
            session.settings().put("a", "backwards");
        }));

        CompletableFuture.allOf(forwards, backwards).get(60, TimeUnit.SECONDS);

        assertThat(runs.get()).as("one of them was chosen to break the deadlock and ran again").isEqualTo(3);
        String a = transactor.inTransaction(session -> session.settings().find("a")).orElseThrow();
        String b = transactor.inTransaction(session -> session.settings().find("b")).orElseThrow();
        assertThat(a).as("the one that ran again wrote last, both rows").isEqualTo(b);
    }

    @Test
    void aFailureThatIsNotAConflictIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> transactor.runInTransaction(session -> {
            runs.incrementAndGet();
            session.settings().put(null, "no name");
        })).isInstanceOf(StoreException.class);
        assertThat(runs.get()).isEqualTo(1);
    }

    private static void meetOnce(CyclicBarrier barrier, boolean firstRun) {
        if (!firstRun) {
            return;
        }
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction never took its first row", e);
        }
    }
}
