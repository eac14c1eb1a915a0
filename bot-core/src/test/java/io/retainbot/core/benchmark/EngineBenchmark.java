package io.retainbot.core.benchmark;

import ch.qos.logback.classic.Level;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.engine.GroupCommit;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Measures the engine end to end on a real (embedded) PostgreSQL: an inbound event recorded in the
 * inbox, the conversation locked, the customer marked seen, the flow run, the state saved and the
 * reply put in the outbox, all in one transaction.
 *
 * <p>Two kinds of run, each also done by {@link PlainJdbcEvents}, which issues the same SQL
 * statements for the same events with plain JDBC and nothing else, so the cost of our own code
 * (flows, Jdbi, JSON) is the difference between the two lines:
 * <ul>
 *   <li>closed loop at 1, 8 and 64 concurrent conversations: each conversation sends its next
 *       event as soon as the previous one was accepted (throughput);</li>
 *   <li>a steady offered rate (default 300 events/s for 20 s) spread over many conversations, open
 *       loop: latency counts from the moment an event was due, so a backlog shows in it.</li>
 * </ul>
 * A third run has the conversations file a complaint every {@value #FILING_TURNS} turns (the
 * complaint, its number, its domain event), for the engine only.
 *
 * <p>The "engine group" line is the engine built to commit customer events of different chats that wait
 * together in one transaction ({@link GroupCommit#COMMITTERS} groups at once; not the default, which handles
 * each event in a transaction of its own, as plain JDBC does), so the gain or loss of grouping is the
 * difference between the two engine lines.
 *
 * <p>Besides events/s and latency it prints the CPU time per event of this JVM and of PostgreSQL,
 * which other work on a shared machine does not inflate the way it inflates the wall clock.
 *
 * <p>Run: {@code ./mvnw -q -pl bot-core -am test-compile && ./mvnw -q -pl bot-core exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.retainbot.core.benchmark.EngineBenchmark
 * -Dexec.args="--rate=300 --seconds=20"} ({@code --turns=N}: events per conversation in the closed
 * loops, default {@value #DEFAULT_TURNS}, after an uncounted warm-up of {@code --warm-up=N} events per
 * conversation, default {@value #DEFAULT_WARM_UP_TURNS}); PostgreSQL runs as the
 * app runs it (fsync and synchronous commit on) unless {@code --no-fsync} is given.
 */
public final class EngineBenchmark {
    private static final int DEFAULT_TURNS = 400;
    /**
     * Turns per conversation of the uncounted warm-up, at 8 conversations: the JIT compiler keeps improving the
     * engine's code (and spending CPU of its own on it) for some 20,000 events; with a warm-up of 3,200 the engine's
     * Java CPU per event still fell by a third between the first and the fourth run that followed.
     */
    private static final int DEFAULT_WARM_UP_TURNS = 3_000;
    private static final int STEADY_WORKERS = 32;
    static final int FILING_TURNS = 6;
    private static final AtomicLong IDS = new AtomicLong();

    private EngineBenchmark() {
    }

    /** The code under test: takes one inbound event and returns when it is committed. */
    @FunctionalInterface
    interface EventHandler {
        void handle(InboundEvent event);
    }

    /** What a conversation of the benchmark says at each turn. */
    @FunctionalInterface
    interface Script {
        InboundEvent event(String chatId, int turn);
    }

    public static void main(String[] args) throws Exception {
        int rate = intArgument(args, "--rate=", 300);
        int seconds = intArgument(args, "--seconds=", 20);
        int turns = intArgument(args, "--turns=", DEFAULT_TURNS);
        int warmUp = intArgument(args, "--warm-up=", DEFAULT_WARM_UP_TURNS);
        // the engine's line per filed complaint would measure the console, and hide the figures
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.retainbot")).setLevel(Level.WARN);
        boolean durable = !List.of(args).contains("--no-fsync");
        if (durable) {
            TestDatabase.startDurableServer();
        }
        TestDatabase db = new TestDatabase();
        db.beforeAll(null);
        try {
            ConversationEngine engine = new ConversationEngine(db.database().transactor(), Messages.builtIn(),
                    BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), () -> { });
            ConversationEngine grouping = new ConversationEngine(db.database().transactor(), Messages.builtIn(),
                    BusinessConfig.defaults(), new StaffChats(Messages.builtIn(), BusinessConfig.defaults(),
                    Messages.FALLBACK, List.of()), Clock.systemUTC(), () -> { }, Reactions.none(),
                    BotContactPolicy.DEFAULT, Stages.DEFAULT, null, GroupCommit.COMMITTERS);
            PlainJdbcEvents jdbc = new PlainJdbcEvents(db.dataSource());
            EventHandler ours = engine::accept;
            EventHandler grouped = grouping::accept;
            EventHandler plain = jdbc::handle;
            CpuMeter cpu = CpuMeter.forServerOf(backendPid(db.dataSource()), db.dataSource());

            System.out.printf(Locale.ROOT, "Warm-up (not counted): %d events each through the engine and plain JDBC (a quarter as many grouped), "
                    + "%d through the filing script, so the figures below are of compiled code; load average before: "
                    + "%s%n", 8 * warmUp, 8 * turns, loadAverage());
            closedLoop(ours, 8, warmUp, EngineBenchmark::event, cpu);
            closedLoop(grouped, 8, warmUp / 4, EngineBenchmark::event, cpu);
            closedLoop(plain, 8, warmUp, EngineBenchmark::event, cpu);
            closedLoop(ours, 8, turns, EngineBenchmark::filing, cpu);
            System.out.printf(Locale.ROOT, "%nPostgreSQL: fsync=%s, synchronous_commit=%s%s%n",
                    setting(db.dataSource(), "fsync"), setting(db.dataSource(), "synchronous_commit"),
                    durable ? " (as the app runs it)" : " (--no-fsync: commits not flushed, NOT how the app runs)");
            System.out.printf(Locale.ROOT, "%nClosed loop, %d events per conversation%n", turns);
            header("conversations");
            for (int concurrency : new int[] {1, 8, 64}) {
                print("engine", concurrency, closedLoop(ours, concurrency, turns, EngineBenchmark::event, cpu));
                print("engine group", concurrency, closedLoop(grouped, concurrency, turns, EngineBenchmark::event, cpu));
                print("plain JDBC", concurrency, closedLoop(plain, concurrency, turns, EngineBenchmark::event, cpu));
            }
            System.out.printf(Locale.ROOT, "%nClosed loop, conversations that file a complaint every %d turns "
                    + "(the complaint and its domain event; no reaction reacts to a filing yet; no plain JDBC line)%n", FILING_TURNS);
            header("conversations");
            print("engine files", 8, closedLoop(ours, 8, turns, EngineBenchmark::filing, cpu));
            System.out.printf(Locale.ROOT, "%nSteady offered rate of %d events/s for %d s over %d conversations "
                    + "(%d worker threads; latency from the moment each event was due)%n", rate, seconds, rate,
                    STEADY_WORKERS);
            header("offered/s");
            print("engine", rate, steady(ours, rate, seconds, cpu));
            print("engine group", rate, steady(grouped, rate, seconds, cpu));
            print("plain JDBC", rate, steady(plain, rate, seconds, cpu));
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            System.exit(1);
        } finally {
            db.afterAll(null);
        }
        System.exit(0);
    }

    private static Result closedLoop(EventHandler handler, int concurrency, int turns, Script script, CpuMeter cpu)
            throws Exception {
        int conversations = Math.max(concurrency, 8);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            CpuMeter.Reading cpuBefore = cpu.read();
            long started = System.nanoTime();
            for (int c = 0; c < conversations; c++) {
                String chat = "bench-" + IDS.incrementAndGet();
                results.add(pool.submit(() -> converse(handler, chat, turns, script)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> result : results) {
                latencies.add(result.get());
            }
            return Result.of(latencies, System.nanoTime() - started, cpuBefore, cpu.read());
        } finally {
            pool.shutdown();
        }
    }

    private static long[] converse(EventHandler handler, String chatId, int turns, Script script) {
        long[] latencies = new long[turns];
        for (int i = 0; i < turns; i++) {
            InboundEvent event = script.event(chatId, i);
            long start = System.nanoTime();
            handler.handle(event);
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    /**
     * Offers {@code rate} events a second, each due at its own moment, to a pool of workers (as a
     * webhook server would), whether or not earlier ones are done. Conversation {@code n % rate}
     * gets event {@code n}, so each writes about once a second and its turns stay in order.
     */
    private static Result steady(EventHandler handler, int rate, int seconds, CpuMeter cpu) throws Exception {
        int total = rate * seconds;
        String[] chats = new String[rate];
        for (int c = 0; c < rate; c++) {
            chats[c] = "steady-" + IDS.incrementAndGet();
        }
        long[] latencies = new long[total];
        ExecutorService workers = Executors.newFixedThreadPool(STEADY_WORKERS);
        CpuMeter.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int n = 0; n < total; n++) {
            long due = started + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            InboundEvent event = event(chats[n % rate], n / rate);
            int slot = n;
            workers.execute(() -> {
                handler.handle(event);
                latencies[slot] = System.nanoTime() - due;
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the steady run did not finish within 10 minutes");
        }
        return Result.of(List.of(latencies), System.nanoTime() - started, cpuBefore, cpu.read());
    }

    /** The benchmark's conversation: open a complaint, pick a category, describe it, cancel; again. */
    static InboundEvent event(String chatId, int turn) {
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
        Sender sender = new Sender(chatId, "Bench", "en");
        String id = "bench-event-" + IDS.incrementAndGet();
        return switch (turn % 4) {
            case 0 -> new InboundEvent.CommandReceived(channel, sender, id, Instant.now(), "complaint", "");
            case 1 -> new InboundEvent.ButtonPressed(channel, sender, id, Instant.now(), "intake:cat:delivery", "");
            case 2 -> new InboundEvent.TextReceived(channel, sender, id, Instant.now(),
                    "The parcel arrived late and the box was damaged.");
            default -> new InboundEvent.CommandReceived(channel, sender, id, Instant.now(), "cancel", "");
        };
    }

    /**
     * A conversation that files a complaint every {@value #FILING_TURNS} turns: category, description,
     * no order number, no files, confirmed. Filing adds the complaint, its domain event and the
     * deliveries of the reactions to it.
     */
    static InboundEvent filing(String chatId, int turn) {
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
        Sender sender = new Sender(chatId, "Bench", "en");
        String id = "bench-event-" + IDS.incrementAndGet();
        return switch (turn % FILING_TURNS) {
            case 0 -> new InboundEvent.CommandReceived(channel, sender, id, Instant.now(), "complaint", "");
            case 1 -> new InboundEvent.ButtonPressed(channel, sender, id, Instant.now(), "intake:cat:delivery", "");
            case 2 -> new InboundEvent.TextReceived(channel, sender, id, Instant.now(),
                    "The parcel arrived late and the box was damaged.");
            case 3 -> new InboundEvent.ButtonPressed(channel, sender, id, Instant.now(), "intake:skip", "");
            case 4 -> new InboundEvent.ButtonPressed(channel, sender, id, Instant.now(), "intake:files:done", "");
            default -> new InboundEvent.ButtonPressed(channel, sender, id, Instant.now(), "intake:confirm", "");
        };
    }

    private static void header(String load) {
        System.out.printf(Locale.ROOT, "%-12s %13s %7s %9s %8s %8s %8s %16s %14s %10s %8s%n", "", load, "events",
                "events/s", "p50 ms", "p99 ms", "max ms", "Java CPU µs/ev", "PG CPU µs/ev", "WAL B/ev", "load 1m");
    }

    /** One line of figures, with the machine's load average (of one minute) when the run ended. */
    private static void print(String what, int load, Result result) {
        System.out.printf(Locale.ROOT, "%-12s %13d %7d %9.0f %8.2f %8.2f %8.1f %16.0f %14.0f %10.0f %8s%n", what,
                load, result.events(), result.eventsPerSecond(), result.percentileMillis(0.50),
                result.percentileMillis(0.99), result.percentileMillis(1.0), result.javaCpuMicros(),
                result.postgresCpuMicros(), result.walBytes(), loadAverage());
    }

    /** The one-minute load average, as {@code uptime} shows it; "?" where the system does not tell. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unreadable) {
            return "?";
        }
    }

    private static long backendPid(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String setting(DataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int intArgument(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                try {
                    int value = Integer.parseInt(arg.substring(prefix.length()));
                    if (value > 0) {
                        return value;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException(prefix + " needs a positive whole number, got: " + arg);
            }
        }
        return fallback;
    }

    /** What one run measured. */
    private record Result(long[] sortedLatencies, long elapsedNanos, double javaCpuMicros, double postgresCpuMicros,
                          double walBytes) {
        static Result of(List<long[]> latencies, long elapsedNanos, CpuMeter.Reading before, CpuMeter.Reading after) {
            long[] sorted = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
            return new Result(sorted, elapsedNanos, after.javaMicrosPerEvent(before, sorted.length),
                    after.postgresMicrosPerEvent(before, sorted.length), after.walBytesPerEvent(before, sorted.length));
        }

        int events() {
            return sortedLatencies.length;
        }

        double eventsPerSecond() {
            return events() / (elapsedNanos / 1e9);
        }

        double percentileMillis(double quantile) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
        }
    }
}
