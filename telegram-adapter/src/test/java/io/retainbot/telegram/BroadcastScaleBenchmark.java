package io.retainbot.telegram;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.outbox.SenderPool;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.MemberDay;
import io.retainbot.core.testing.MemberFile;
import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A broadcast to a million customers (the number is the first argument), sent through the real
 * Telegram gateway to a local fake Bot API that keeps Telegram's budget (429 and {@code retry_after}
 * beyond it). Prints: how long expanding the audience into deliveries takes; the sustained send rate
 * at the free budget (30 a second) and in paid-broadcast mode (1,000 a second) as a share of the budget,
 * with the sends that came inside a retry window and the chats that got the broadcast twice; and the
 * bot side's resident memory (VmHWM and the highest VmRSS seen in /proc/self/status), heap, peak threads and,
 * with {@code -XX:NativeMemoryTracking=summary}, the JVM's own account of its memory.
 *
 * <p>The run is driven as the timetable drives it: a step of the run every 200 ms, the dispatcher with as
 * many senders as the application gives the budget ({@link PlatformSenders#concurrencyFor}) on the
 * application's {@link SenderPool}. The fake Bot API runs in a process of its own ({@link FakeBotApiProcess})
 * and PostgreSQL in its own, so the memory figures are the bot side's alone. Run it in a JVM of its own with
 * the memory settings the README gives the bot:
 * {@code java -XX:+UseSerialGC -Xms64m -Xmx192m -cp <test classpath> io.retainbot.telegram.BroadcastScaleBenchmark
 * 1000000 60 30}.
 */
public final class BroadcastScaleBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(200);

    private BroadcastScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration free = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration paid = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        Memory memory = Memory.watch();
        TestDatabase db = new TestDatabase();
        db.beforeAll(null);
        FakeBotApiProcess telegram = FakeBotApiProcess.start();
        try {
            Transactor transactor = db.database().transactor();
            Clock clock = Clock.systemUTC();
            long written = System.nanoTime();
            MemberFile.write(db.dataSource(), recipients);
            double fileSeconds = seconds(written);

            Wake wake = new Wake();
            MemberDay memberDay = MemberDay.create(transactor, clock, ZONE, BroadcastRunner.Settings.forBudget(1000),
                    wake);
            BroadcastRunner runner = memberDay.runner();

            long expanding = System.nanoTime();
            long run = memberDay.start();
            double expandSeconds = seconds(expanding);
            long deliveries = db.count("select count(*) from delivery where run_id = " + run);

            Rate freeRate = send(transactor, runner, run, telegram, wake, 30, false, free);
            String memoryAfterFree = memory.snapshot();
            String nativeAfterFree = nativeMemory().orElse("");
            Rate paidRate = send(transactor, runner, run, telegram, wake, 1000, true, paid);
            FakeBotApi.SendCounts counts = telegram.sendCounts();
            long sentRows = db.count("select count(*) from delivery where run_id = " + run
                    + " and status in ('queued', 'sent')");

            System.out.printf(Locale.ROOT, "customer file of %,d written in %.1f s (set-based, not measured below)%n",
                    recipients, fileSeconds);
            System.out.printf(Locale.ROOT, "expanding the audience into %,d deliveries (one insert ... select): "
                    + "%.2f s (target: 1,000,000 in under 10 s)%n", deliveries, expandSeconds);
            freeRate.print("free budget, 30/s", 0.98);
            paidRate.print("paid broadcast, 1000/s", 0.95);
            System.out.printf(Locale.ROOT, "sends answered %,d, refused with 429 %,d, of them inside a retry window "
                    + "%,d (target 0), chats that got it twice %,d (target 0); deliveries queued or sent %,d%n",
                    counts.delivered(), counts.rateLimited(), counts.insideRetryWindow(), counts.duplicates(),
                    sentRows);
            System.out.println("resident memory up to the end of the free phase: " + memoryAfterFree);
            System.out.println("resident memory up to the end of the paid phase (107 senders): " + memory.snapshot());
            System.out.printf(Locale.ROOT, "threads at most %d (the fake Bot API ran in process %d of its own)%n",
                    ManagementFactory.getThreadMXBean().getPeakThreadCount(), telegram.pid());
            nativeMemory().ifPresent(paidNative -> {
                System.out.println("native memory tracking, committed, at the end of the free phase: " + nativeAfterFree);
                System.out.println("native memory tracking, committed, at the end of the paid phase: " + paidNative);
            });
        } finally {
            telegram.close();
            db.afterAll(null);
            System.exit(0);
        }
    }

    /** The dispatcher's wake-up, handed to the runner before the dispatcher of a phase exists. */
    private static final class Wake implements Runnable {
        private volatile OutboxDispatcher dispatcher;

        @Override
        public void run() {
            OutboxDispatcher current = dispatcher;
            if (current != null) {
                current.wakeUp();
            }
        }
    }

    private record Rate(double perSecond, int budget, long sent, Duration over) {
        void print(String label, double target) {
            double share = perSecond / budget;
            System.out.printf(Locale.ROOT, "%-24s %,7d sent in %3d s: %7.1f a second, %5.1f%% of the budget "
                    + "(target at least %.0f%%) %s%n", label, sent, over.toSeconds(), perSecond, share * 100,
                    target * 100, share >= target ? "OK" : "MISSED");
        }
    }

    /** One phase: a dispatcher with the gateway at this budget, the run stepped every 200 ms, the rate measured. */
    private static Rate send(Transactor transactor, BroadcastRunner runner, long run, FakeBotApiProcess telegram,
                             Wake wake, int budget, boolean paid, Duration over)
            throws Exception {
        telegram.limitSendsTo(budget);
        TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), budget,
                paid);
        int concurrency = PlatformSenders.concurrencyFor(budget);
        // the senders as the application has them
        ExecutorService senders = SenderPool.create("retainbot-send-telegram", concurrency);
        OutboxDispatcher dispatcher = new OutboxDispatcher(transactor, List.of(new PlatformSenders(gateway, senders,
                concurrency)), OutboxDispatcher.newInstanceId(), Clock.systemUTC(), new SimpleMeterRegistry());
        wake.dispatcher = dispatcher;
        dispatcher.start(Thread::new);
        AtomicBoolean stepping = new AtomicBoolean(true);
        Thread feeder = new Thread(() -> {
            while (stepping.get() && !(runner.drive(run) instanceof BroadcastRunner.RunState.Ended)) {
                try {
                    Thread.sleep(STEP.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }, "run-steps");
        feeder.start();
        Thread.sleep(WARM_UP.toMillis());
        long before = telegram.sendCounts().delivered();
        long started = System.nanoTime();
        Thread.sleep(over.toMillis());
        long sent = telegram.sendCounts().delivered() - before;
        double elapsed = seconds(started);
        stepping.set(false);
        feeder.join();
        dispatcher.drain(Duration.ofSeconds(10));
        dispatcher.close();
        senders.shutdown();
        return new Rate(sent / elapsed, budget, sent, over);
    }

    /**
     * The JVM's own account of its memory when it runs with -XX:NativeMemoryTracking=summary: the total and every
     * part of at least 1 MB committed, with the peak of the compilers' arenas (a compilation's memory is given
     * back afterwards, but the peak counts in VmHWM).
     */
    private static java.util.Optional<String> nativeMemory() {
        return nativeMemorySummary().map(summary -> {
            StringBuilder parts = new StringBuilder();
            java.util.regex.Matcher total = java.util.regex.Pattern
                    .compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(summary);
            if (total.find()) {
                parts.append(String.format(Locale.ROOT, "total %.0f MB", Long.parseLong(total.group(1)) / 1024.0));
            }
            java.util.regex.Matcher part = java.util.regex.Pattern
                    .compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(summary);
            while (part.find()) {
                long committedKb = Long.parseLong(part.group(2));
                if (committedKb >= 1024) {
                    parts.append(String.format(Locale.ROOT, "; %s %.0f MB", part.group(1).trim(), committedKb / 1024.0));
                }
            }
            java.util.regex.Matcher compiler = java.util.regex.Pattern
                    .compile("Compiler \\(reserved[^\\n]*\\n(?:[^\\n]*\\n){0,3}?[^\\n]*\\(arena=\\d+KB #\\d+\\) \\(peak=(\\d+)KB")
                    .matcher(summary);
            if (compiler.find()) {
                parts.append(String.format(Locale.ROOT, "; the compilers' arenas at their peak %.0f MB",
                        Long.parseLong(compiler.group(1)) / 1024.0));
            }
            java.util.regex.Matcher threads = java.util.regex.Pattern.compile("\\(thread #(\\d+)\\)").matcher(summary);
            if (threads.find()) {
                parts.append("; ").append(threads.group(1)).append(" threads");
            }
            return parts.toString();
        });
    }

    private static java.util.Optional<String> nativeMemorySummary() {
        try {
            Object summary = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            String text = String.valueOf(summary);
            return text.toLowerCase(Locale.ROOT).contains("not enabled") ? java.util.Optional.empty()
                    : java.util.Optional.of(text);
        } catch (javax.management.JMException unavailable) {
            return java.util.Optional.empty();
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** The process's resident memory as Linux counts it, sampled every 250 ms, and the heap in use. */
    private static final class Memory {
        private final AtomicLong highestRssKb = new AtomicLong();
        private final AtomicLong highestHeap = new AtomicLong();
        private final AtomicLong highestCommittedHeap = new AtomicLong();

        static Memory watch() {
            Memory memory = new Memory();
            Thread sampler = new Thread(() -> {
                while (true) {
                    memory.highestRssKb.accumulateAndGet(statusKb("VmRSS"), Math::max);
                    java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    memory.highestHeap.accumulateAndGet(heap.getUsed(), Math::max);
                    memory.highestCommittedHeap.accumulateAndGet(heap.getCommitted(), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return memory;
        }

        String snapshot() {
            long maxHeap = Runtime.getRuntime().maxMemory();
            return String.format(Locale.ROOT, "highest VmRSS sampled %.0f MB, VmHWM %.0f MB "
                    + "(target under 256 MB); heap in use at most %.0f MB, committed at most %.0f MB of %.0f MB "
                    + "allowed (-Xmx)", highestRssKb.get() / 1024.0, statusKb("VmHWM") / 1024.0,
                    highestHeap.get() / 1048576.0, highestCommittedHeap.get() / 1048576.0, maxHeap / 1048576.0);
        }

        private static long statusKb(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException unreadable) {
                return 0;
            }
            return 0;
        }
    }
}
