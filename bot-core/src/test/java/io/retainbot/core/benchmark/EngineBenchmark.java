package io.retainbot.core.benchmark;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the engine end to end on a real (embedded) PostgreSQL: an inbound event recorded in the
 * inbox, the flow run, the state saved and the reply put in the outbox, all in one transaction.
 * Prints events per second and p50/p99 latency at 1, 8 and 64 concurrent conversations.
 *
 * <p>Run: {@code ./mvnw -q -pl bot-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.retainbot.core.benchmark.EngineBenchmark}
 */
public final class EngineBenchmark {
    private static final int EVENTS_PER_CONVERSATION = 40;
    private static final AtomicLong IDS = new AtomicLong();

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabase db = new TestDatabase();
        db.beforeAll(null);
        try {
            Database database = db.database();
            ConversationEngine engine = new ConversationEngine(database.transactor(), Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), () -> { });
            System.out.printf(Locale.ROOT, "%-26s %10s %10s %10s %10s%n", "concurrent conversations", "events",
                    "events/s", "p50 ms", "p99 ms");
            run(engine, 8, false);
            for (int concurrency : new int[] {1, 8, 64}) {
                run(engine, concurrency, true);
            }
        } finally {
            db.afterAll(null);
            System.exit(0);
        }
    }

    private static void run(ConversationEngine engine, int concurrency, boolean print) throws Exception {
        int conversations = Math.max(concurrency, 8);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < conversations; c++) {
            String chat = "bench-" + IDS.incrementAndGet();
            results.add(pool.submit(() -> converse(engine, chat)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                latencies.add(nanos);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (print) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-26d %10d %10.0f %10.2f %10.2f%n", concurrency, sorted.length,
                    sorted.length / seconds, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        }
    }

    private static long[] converse(ConversationEngine engine, String chatId) {
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
        Sender sender = new Sender(chatId, "Bench", "en");
        long[] latencies = new long[EVENTS_PER_CONVERSATION];
        for (int i = 0; i < EVENTS_PER_CONVERSATION; i++) {
            InboundEvent event = switch (i % 4) {
                case 0 -> new InboundEvent.CommandReceived(channel, sender, id(), Instant.now(), "complaint", "");
                case 1 -> new InboundEvent.ButtonPressed(channel, sender, id(), Instant.now(), "intake:cat:delivery", "");
                case 2 -> new InboundEvent.TextReceived(channel, sender, id(), Instant.now(),
                        "The parcel arrived late and the box was damaged.");
                default -> new InboundEvent.CommandReceived(channel, sender, id(), Instant.now(), "cancel", "");
            };
            long start = System.nanoTime();
            engine.accept(event);
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    private static String id() {
        return "bench-event-" + IDS.incrementAndGet();
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

}
