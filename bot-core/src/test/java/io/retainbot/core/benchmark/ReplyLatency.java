package io.retainbot.core.benchmark;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the outbox benchmarks measure alike: customers who write while bulk messages go out, and how
 * long until their reply's send starts, against a Telegram that takes {@link #PLATFORM_LATENCY} per call
 * and allows 30 bulk messages a second. Prints percentiles.
 */
final class ReplyLatency {
    static final Duration PLATFORM_LATENCY = Duration.ofMillis(30);
    private static final AtomicLong IDS = new AtomicLong();

    private ReplyLatency() {
    }

    /**
     * The reply latencies, sorted, in nanoseconds: {@code customers} customers at once, each writing
     * {@code messages} times (each time from a new chat, so no chat pacing) and waiting for the answer.
     *
     * @param commitToSend collects the dispatcher's share of each latency (from the engine's commit to the
     *                     send's start); null when not wanted
     */
    static long[] measure(ConversationEngine engine, SlowTelegram telegram, int customers, int messages,
                          List<Long> commitToSend) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(customers);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            results.add(writers.submit(() -> converse(engine, telegram, messages, commitToSend)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                latencies.add(nanos);
            }
        }
        writers.shutdown();
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long[] converse(ConversationEngine engine, SlowTelegram telegram, int messages,
                                   List<Long> commitToSend) throws Exception {
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
            if (commitToSend != null) {
                commitToSend.add(sendStarted - committed);
            }
        }
        return latencies;
    }

    static void printHeader() {
        System.out.printf(Locale.ROOT, "%-34s %8s %10s %10s%n", "reply latency (send started)", "replies",
                "p50 ms", "p99 ms");
    }

    static void print(String label, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s %8d %10.2f %10.2f%n", label, sorted.length, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /** Telegram as the dispatcher sees it: every call takes {@link #PLATFORM_LATENCY}; Telegram's pacing. */
    static final class SlowTelegram implements ChatGateway {
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
