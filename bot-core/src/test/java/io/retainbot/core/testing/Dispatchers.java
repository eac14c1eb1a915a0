package io.retainbot.core.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.port.ChatGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Outbox dispatchers of a test, several instances on one test database, each with senders of its own: drained
 * and their senders stopped after each test. Register it as an instance field with {@code @RegisterExtension}.
 */
public final class Dispatchers implements AfterEachCallback {
    private final TestDatabase db;
    private final List<ExecutorService> pools = new ArrayList<>();
    private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

    public Dispatchers(TestDatabase db) {
        this.db = db;
    }

    /** A dispatcher named {@code instance} sending through {@code gateway} with {@code senders} threads. */
    public OutboxDispatcher instance(String instance, ChatGateway gateway, int senders, Clock clock) {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        pools.add(pool);
        OutboxDispatcher dispatcher = new OutboxDispatcher(db.database().transactor(),
                List.of(new PlatformSenders(gateway, pool, senders)), instance, clock, new SimpleMeterRegistry());
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** Drains every dispatcher and stops its senders now (before the fake platform they send to goes away). */
    public void stopAll() {
        dispatchers.forEach(dispatcher -> dispatcher.drain(Duration.ofSeconds(5)));
        pools.forEach(ExecutorService::shutdownNow);
        dispatchers.clear();
        pools.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopAll();
    }
}
