package io.retainbot.core.benchmark;

import static io.retainbot.core.benchmark.ReplyLatency.measure;
import static io.retainbot.core.benchmark.ReplyLatency.percentile;
import static io.retainbot.core.benchmark.ReplyLatency.print;
import static io.retainbot.core.benchmark.ReplyLatency.printHeader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.MemberDay;
import io.retainbot.core.testing.MemberFile;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broadcast to 100,000 customers: how long queueing it takes (the run expands its audience into
 * one delivery row per customer in one {@code insert ... select}), then the reply latency of
 * customers who write while the run feeds the outbox's bulk lane (engine, outbox, dispatcher, a fake
 * Telegram that takes 30 ms per call and allows 30 bulk messages a second), against the same with
 * an empty outbox. Prints the time to queue, p50 and p99 of both runs and their difference.
 *
 * <p>Run: {@code ./mvnw -q -pl bot-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.retainbot.core.benchmark.BroadcastBenchmark}
 */
public final class BroadcastBenchmark {
    private static final int AUDIENCE = 100_000;
    private static final int CUSTOMERS = 8;
    private static final int MESSAGES_PER_CUSTOMER = 60;
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabase db = new TestDatabase();
        db.beforeAll(null);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            Database database = db.database();
            Transactor transactor = database.transactor();
            Clock clock = Clock.systemUTC();
            ReplyLatency.SlowTelegram telegram = new ReplyLatency.SlowTelegram();
            OutboxDispatcher dispatcher = new OutboxDispatcher(transactor,
                    List.of(new PlatformSenders(telegram, senders, 16)), OutboxDispatcher.newInstanceId(), clock,
                    new SimpleMeterRegistry());
            ConversationEngine engine = new ConversationEngine(transactor, Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), clock, dispatcher::wakeUp);
            dispatcher.start(Thread::new);

            long filed = System.nanoTime();
            MemberFile.write(db.dataSource(), AUDIENCE);
            double fileSeconds = (System.nanoTime() - filed) / 1e9;

            measure(engine, telegram, 8, 10, null);
            long[] empty = measure(engine, telegram, CUSTOMERS, MESSAGES_PER_CUSTOMER, null);

            MemberDay memberDay = MemberDay.create(transactor, clock, ZONE, dispatcher::wakeUp);
            BroadcastRunner runner = memberDay.runner();

            long queueing = System.nanoTime();
            long run = memberDay.start();
            double queueSeconds = (System.nanoTime() - queueing) / 1e9;
            long deliveries = db.count("select count(*) from delivery where run_id = " + run);

            AtomicBoolean sending = new AtomicBoolean(true);
            Thread feeder = new Thread(() -> {
                while (sending.get()) {
                    if (runner.drive(run) instanceof BroadcastRunner.RunState.Ended) {
                        return;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }, "run-feeder");
            feeder.start();
            Thread.sleep(2000);
            long bulkBefore = telegram.bulkSent.get();
            long[] loaded = measure(engine, telegram, CUSTOMERS, MESSAGES_PER_CUSTOMER, null);
            long bulkDuring = telegram.bulkSent.get() - bulkBefore;
            sending.set(false);
            feeder.join();
            long queued = db.count("select count(*) from delivery where run_id = " + run
                    + " and status = 'queued'");
            long pending = db.count("select count(*) from delivery where run_id = " + run
                    + " and status = 'pending'");

            System.out.printf(Locale.ROOT, "customer file of %,d written in %.1f s (set-based, not measured below)%n",
                    AUDIENCE, fileSeconds);
            System.out.printf(Locale.ROOT, "time to queue the broadcast (audience expanded into %,d deliveries): "
                    + "%.2f s%n", deliveries, queueSeconds);
            printHeader();
            print("empty outbox", empty);
            print(String.format(Locale.ROOT, "broadcast to %,d running", AUDIENCE), loaded);
            double difference = (percentile(loaded, 0.99) - percentile(empty, 0.99)) / 1e6;
            System.out.printf(Locale.ROOT, "p99 difference: %+.2f ms%n", difference);
            System.out.printf(Locale.ROOT, "bulk sent meanwhile: %d (paced at 30/s); deliveries in the outbox: %,d, "
                    + "still to queue: %,d%n", bulkDuring, queued, pending);
            dispatcher.drain(Duration.ofSeconds(10));
        } finally {
            senders.shutdownNow();
            db.afterAll(null);
            System.exit(0);
        }
    }

}
