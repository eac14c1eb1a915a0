package io.retainbot.core.testing;

import io.retainbot.core.schedule.Timekeeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The timekeepers (scheduler instances) of a test on one test database, all on the test's clock: closed after
 * each test. Register it as an instance field with {@code @RegisterExtension}.
 */
public final class Timekeepers implements AfterEachCallback {
    private final TestDatabase db;
    private final Clock clock;
    private final List<Timekeeper> made = new ArrayList<>();

    public Timekeepers(TestDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A timekeeper named {@code instance}, looking for due work every {@code poll} with {@code threads} threads. */
    public Timekeeper instance(String instance, Duration poll, int threads) {
        Timekeeper timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings(instance, poll, threads));
        made.add(timekeeper);
        return timekeeper;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        made.forEach(Timekeeper::close);
        made.clear();
    }
}
