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
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * Reply latency with a broadcast queued: customers write (engine, outbox, dispatcher, a fake
 * Telegram that takes 30 ms per call and allows 30 bulk messages a second) first with an empty
 * outbox, then with 100,000 bulk messages queued and going out. The latency is from handing the
 * customer's message to the engine until the reply's send starts. Prints p50 and p99 of both runs
 * and their difference (the target: p99 within 20 ms of the empty figure).
 *
 * <p>Run: {@code ./mvnw -q -pl bot-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.retainbot.core.benchmark.OutboxBenchmark}
 */
public final class OutboxBenchmark {
    private static final int BULK = 100_000;
    private static final int CUSTOMERS = 8;
    private static final int MESSAGES_PER_CUSTOMER = 60;
    /** From the engine's commit to the send's start: the dispatcher's own share of the latency. */
    private static final List<Long> COMMIT_TO_SEND = java.util.Collections.synchronizedList(new ArrayList<>());

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabase db = new TestDatabase();
        db.beforeAll(null);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            Database database = db.database();
            ReplyLatency.SlowTelegram telegram = new ReplyLatency.SlowTelegram();
            OutboxDispatcher dispatcher = new OutboxDispatcher(database.transactor(),
                    List.of(new PlatformSenders(telegram, senders, 16)), OutboxDispatcher.newInstanceId(),
                    Clock.systemUTC(), new SimpleMeterRegistry());
            ConversationEngine engine = new ConversationEngine(database.transactor(), Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), dispatcher::wakeUp);
            dispatcher.start(Thread::new);

            measure(engine, telegram, 8, 10, null);
            COMMIT_TO_SEND.clear();
            long[] empty = measure(engine, telegram, CUSTOMERS, MESSAGES_PER_CUSTOMER, COMMIT_TO_SEND);
            long[] emptyDispatch = drained(COMMIT_TO_SEND);

            queueBroadcast(db.dataSource());
            dispatcher.wakeUp();
            long bulkBefore = telegram.bulkSent.get();
            long[] loaded = measure(engine, telegram, CUSTOMERS, MESSAGES_PER_CUSTOMER, COMMIT_TO_SEND);
            long[] loadedDispatch = drained(COMMIT_TO_SEND);
            long bulkDuring = telegram.bulkSent.get() - bulkBefore;
            long stillQueued = db.count("select count(*) from outbox where status = 'pending'");

            printHeader();
            print("empty outbox", empty);
            print(String.format(Locale.ROOT, "%,d bulk messages queued", BULK), loaded);
            print("  of which commit to send, empty", emptyDispatch);
            print("  of which commit to send, queued", loadedDispatch);
            double difference = (percentile(loaded, 0.99) - percentile(empty, 0.99)) / 1e6;
            System.out.printf(Locale.ROOT, "p99 difference: %+.2f ms (target: at most +20 ms) %s%n", difference,
                    difference <= 20 ? "OK" : "MISSED");
            System.out.printf(Locale.ROOT, "bulk sent meanwhile: %d (paced at 30/s), still queued: %,d%n", bulkDuring,
                    stillQueued);
            dispatcher.drain(Duration.ofSeconds(10));
        } finally {
            senders.shutdownNow();
            db.afterAll(null);
            System.exit(0);
        }
    }

    /** 100,000 bulk messages to as many members, queued as the store queues them (row plus chat head). */
    private static void queueBroadcast(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into outbox (platform, chat_id, lane, message, not_before, created_at)
                    select 'telegram', 'member-' || n, 'bulk', '{"type":"text","text":"Happy member day!"}'::jsonb,
                           now(), now()
                    from generate_series(1, %d) n
                    """.formatted(BULK));
            statement.execute("""
                    insert into outbox_chat (platform, chat_id, head_id, lane_rank, due_at)
                    select platform, chat_id, id, lane_rank, not_before from outbox
                    where status = 'pending' and lane = 'bulk'
                    on conflict do nothing
                    """);
            statement.execute("analyze outbox");
            statement.execute("analyze outbox_chat");
        }
    }

    private static long[] drained(List<Long> samples) {
        synchronized (samples) {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            samples.clear();
            return sorted;
        }
    }
}
