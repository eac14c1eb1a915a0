package io.retainbot.core.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final Duration PLATFORM_LATENCY = Duration.ofMillis(30);
    private static final AtomicLong IDS = new AtomicLong();
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
            FakeTelegram telegram = new FakeTelegram();
            OutboxDispatcher dispatcher = new OutboxDispatcher(database.transactor(),
                    List.of(new PlatformSenders(telegram, senders, 16)), OutboxDispatcher.newInstanceId(),
                    Clock.systemUTC(), new SimpleMeterRegistry());
            ConversationEngine engine = new ConversationEngine(database.transactor(), Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), dispatcher::wakeUp);
            dispatcher.start(Thread::new);

            measure(engine, telegram, false);
            COMMIT_TO_SEND.clear();
            long[] empty = measure(engine, telegram, true);
            long[] emptyDispatch = drained(COMMIT_TO_SEND);

            queueBroadcast(db.dataSource());
            dispatcher.wakeUp();
            long bulkBefore = telegram.bulkSent.get();
            long[] loaded = measure(engine, telegram, true);
            long[] loadedDispatch = drained(COMMIT_TO_SEND);
            long bulkDuring = telegram.bulkSent.get() - bulkBefore;
            long stillQueued = count(db.dataSource(), "select count(*) from outbox where status = 'pending'");

            System.out.printf(Locale.ROOT, "%-34s %8s %10s %10s%n", "reply latency (send started)", "replies",
                    "p50 ms", "p99 ms");
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

    private static long[] measure(ConversationEngine engine, FakeTelegram telegram, boolean full) throws Exception {
        int messages = full ? MESSAGES_PER_CUSTOMER : 10;
        ExecutorService customers = Executors.newFixedThreadPool(CUSTOMERS);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            results.add(customers.submit(() -> converse(engine, telegram, messages)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                latencies.add(nanos);
            }
        }
        customers.shutdown();
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A customer who writes, waits for the answer, and writes again (each time from a new chat, so no chat pacing). */
    private static long[] converse(ConversationEngine engine, FakeTelegram telegram, int messages) throws Exception {
        long[] latencies = new long[messages];
        for (int i = 0; i < messages; i++) {
            String chatId = "customer-" + IDS.incrementAndGet();
            ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
            CompletableFuture<Long> answered = telegram.expectReply(channel);
            long start = System.nanoTime();
            engine.accept(new InboundEvent.CommandReceived(channel, new Sender(chatId, "Bench", "en"),
                    "event-" + IDS.incrementAndGet(), Instant.now(), "complaint", ""));
            long committed = System.nanoTime();
            long sendStarted = answered.get(60, TimeUnit.SECONDS);
            latencies[i] = sendStarted - start;
            COMMIT_TO_SEND.add(sendStarted - committed);
        }
        return latencies;
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

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void print(String label, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s %8d %10.2f %10.2f%n", label, sorted.length, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /** Telegram as the dispatcher sees it: every call takes {@link #PLATFORM_LATENCY}; Telegram's pacing. */
    private static final class FakeTelegram implements ChatGateway {
        final Map<ChannelRef, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        final AtomicLong bulkSent = new AtomicLong();
        final AtomicLong ids = new AtomicLong();

        CompletableFuture<Long> expectReply(ChannelRef channel) {
            CompletableFuture<Long> reply = new CompletableFuture<>();
            waiting.put(channel, reply);
            return reply;
        }

        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendOutcome send(ChannelRef channel, OutboundMessage message) {
            CompletableFuture<Long> reply = waiting.remove(channel);
            if (reply != null) {
                reply.complete(System.nanoTime());
            } else if (channel.chatId().startsWith("member-")) {
                bulkSent.incrementAndGet();
            }
            try {
                Thread.sleep(PLATFORM_LATENCY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new SendOutcome.Delivered(String.valueOf(ids.incrementAndGet()));
        }

        @Override
        public Pacing pacing(ChannelRef channel) {
            return new Pacing(3, Duration.ofSeconds(1));
        }

        @Override
        public double bulkPerSecond() {
            return 30;
        }
    }
}
