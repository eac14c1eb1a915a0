package io.retainbot.core.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.SendPolicy;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateRenderer;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.outreach.Templates;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.PlannedTimetable;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

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
    private static final Duration PLATFORM_LATENCY = Duration.ofMillis(30);
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final AtomicLong IDS = new AtomicLong();

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
            FakeTelegram telegram = new FakeTelegram();
            OutboxDispatcher dispatcher = new OutboxDispatcher(transactor,
                    List.of(new PlatformSenders(telegram, senders, 16)), OutboxDispatcher.newInstanceId(), clock,
                    new SimpleMeterRegistry());
            ConversationEngine engine = new ConversationEngine(transactor, Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), clock, dispatcher::wakeUp);
            dispatcher.start(Thread::new);

            long filed = System.nanoTime();
            customerFile(db.dataSource());
            double fileSeconds = (System.nanoTime() - filed) / 1e9;

            measure(engine, telegram, false);
            long[] empty = measure(engine, telegram, true);

            TemplateRenderer renderer = new TemplateRenderer(Messages.builtIn(), "Demo Shop", ZONE);
            long template = new Templates(transactor, renderer, clock).create(Templates.draft("Member day",
                    TemplatePurpose.SERVICE, "en", List.of(new TemplateText("en", Tone.FORMAL,
                            "Dear {name}, see you on member day.")), List.of(), null)).orElseThrow().id();
            long everyone = new Segments(transactor, clock).create("everyone", SegmentFilter.EVERYONE).orElseThrow()
                    .segment().id();
            Broadcast broadcast = new Broadcasts(transactor, ZONE, clock, new PlannedTimetable()).create("Member day",
                    everyone, template, new BroadcastSchedule.Once(clock.instant()));
            BroadcastRunner runner = new BroadcastRunner(transactor, renderer,
                    new Offers(transactor, new OfferCodeGenerator(new Random(1)), clock), SendPolicy.DEFAULT, ZONE,
                    Set.of(Platform.TELEGRAM), clock, BroadcastRunner.Settings.DEFAULT, dispatcher::wakeUp);

            long queueing = System.nanoTime();
            long run = runner.occur(broadcast.id()).runs().get(0);
            double queueSeconds = (System.nanoTime() - queueing) / 1e9;
            long deliveries = count(db.dataSource(), "select count(*) from delivery where run_id = " + run);

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
            long[] loaded = measure(engine, telegram, true);
            long bulkDuring = telegram.bulkSent.get() - bulkBefore;
            sending.set(false);
            feeder.join();
            long queued = count(db.dataSource(), "select count(*) from delivery where run_id = " + run
                    + " and status = 'queued'");
            long pending = count(db.dataSource(), "select count(*) from delivery where run_id = " + run
                    + " and status = 'pending'");

            System.out.printf(Locale.ROOT, "customer file of %,d written in %.1f s (set-based, not measured below)%n",
                    AUDIENCE, fileSeconds);
            System.out.printf(Locale.ROOT, "time to queue the broadcast (audience expanded into %,d deliveries): "
                    + "%.2f s%n", deliveries, queueSeconds);
            System.out.printf(Locale.ROOT, "%-34s %8s %10s %10s%n", "reply latency (send started)", "replies",
                    "p50 ms", "p99 ms");
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

    /** The customers, each with a Telegram chat and consent, written in two statements. */
    private static void customerFile(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into customer (display_name, language, time_zone, consent_granted, consent_answered_at,
                                          consent_source, created_at, updated_at)
                    select 'Member ' || n, 'en', 'Asia/Seoul', true, now(), 'benchmark', now(), now()
                    from generate_series(1, %d) n
                    """.formatted(AUDIENCE));
            statement.execute("""
                    insert into channel_identity (platform, user_id, customer_id, chat_id, display_name, created_at,
                                                  last_seen_at)
                    select 'telegram', 'member-' || id, id, 'member-' || id, display_name, now(), now() from customer
                    """);
            statement.execute("analyze customer");
            statement.execute("analyze channel_identity");
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
            latencies[i] = answered.get(60, TimeUnit.SECONDS) - start;
        }
        return latencies;
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
