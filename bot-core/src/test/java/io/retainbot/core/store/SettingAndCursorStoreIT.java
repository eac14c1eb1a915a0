package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingAndCursorStoreIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Transactor transactor = db.database().transactor();

    @Test
    void keepsTheFirstValueWhenPutIfAbsentRunsTwice() {
        String first = transactor.inTransaction(session -> session.settings().putIfAbsent("admin_token", "one"));
        String second = transactor.inTransaction(session -> session.settings().putIfAbsent("admin_token", "two"));

        assertThat(first).isEqualTo("one");
        assertThat(second).isEqualTo("one");
    }

    @Test
    void overwritesOnPut() {
        transactor.runInTransaction(session -> session.settings().put("greeting", "hello"));
        transactor.runInTransaction(session -> session.settings().put("greeting", "bye"));

        Optional<String> greeting = transactor.inTransaction(session -> session.settings().find("greeting"));
        Optional<String> missing = transactor.inTransaction(session -> session.settings().find("missing"));
        assertThat(greeting).contains("bye");
        assertThat(missing).isEmpty();
    }

    @Test
    void savesAndMovesACursor() {
        transactor.runInTransaction(session -> session.cursors().save("telegram.offset", "100"));
        transactor.runInTransaction(session -> session.cursors().save("telegram.offset", "101"));

        Optional<String> offset = transactor.inTransaction(session -> session.cursors().find("telegram.offset"));
        assertThat(offset).contains("101");
    }

    @Test
    void rollsBackEverythingWhenWorkFails() {
        try {
            transactor.runInTransaction(session -> {
                session.settings().put("half", "done");
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the transaction must be rolled back
        }
        Optional<String> half = transactor.inTransaction(session -> session.settings().find("half"));
        assertThat(half).isEmpty();
    }
}
