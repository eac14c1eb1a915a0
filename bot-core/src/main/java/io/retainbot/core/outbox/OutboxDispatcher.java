package io.retainbot.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: in order per chat, concurrently across chats, replies before staff pings before
 * bulk sends, within each platform's pacing, and records every outcome at once. A platform's
 * "wait" is honoured to the second, server errors are retried with backoff, refusals are recorded
 * and never repeated, and an unreachable recipient gets nothing more until they write again.
 */
public final class OutboxDispatcher implements AutoCloseable {
    /** How long {@link #close} waits for sends in flight. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int MAX_TRACKED_CHATS = 50_000;

    private final Transactor transactor;
    private final Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);
    private final Executor senders;
    private final Semaphore sendSlots;
    private final int concurrency;
    private final Clock clock;
    private final OutcomeRecorder recorder;
    private final Map<ChannelRef, TokenBucket> chatBuckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChannelRef, TokenBucket> eldest) {
            return size() > MAX_TRACKED_CHATS;
        }
    };
    private final Map<Platform, TokenBucket> bulkBuckets = new EnumMap<>(Platform.class);
    private final Object wakeSignal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread loop;
    private Instant lastStaleCheck = Instant.EPOCH;

    /**
     * @param senders     the pool that runs sends (its size bounds the sends in flight)
     * @param concurrency how many sends may be in flight at once
     */
    public OutboxDispatcher(Transactor transactor, List<ChatGateway> gateways, Executor senders,
                            int concurrency, Clock clock, MeterRegistry meters) {
        this.transactor = Objects.requireNonNull(transactor);
        this.senders = Objects.requireNonNull(senders);
        this.concurrency = concurrency;
        this.sendSlots = new Semaphore(concurrency);
        this.clock = Objects.requireNonNull(clock);
        for (ChatGateway gateway : gateways) {
            this.gateways.put(gateway.platform(), gateway);
        }
        this.recorder = new OutcomeRecorder(transactor, clock, meters);
    }

    /** Starts the dispatch loop on a thread from {@code threads}. */
    public synchronized void start(ThreadFactory threads) {
        if (running || stopped) {
            return;
        }
        running = true;
        loop = threads.newThread(this::run);
        loop.start();
    }

    /** Asks the loop to look at the outbox now (new messages were committed). */
    public void wakeUp() {
        synchronized (wakeSignal) {
            wakeRequested = true;
            wakeSignal.notifyAll();
        }
    }

    /** Dispatches what is due now, once; returns how many sends were started. For the loop and for tests. */
    public int dispatchDue() {
        if (stopped) {
            return 0;
        }
        Instant now = clock.instant();
        releaseStaleClaims(now);
        int free = sendSlots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<OutboxEntry> heads = transactor.inTransaction(session -> session.outbox().dueHeads(now, free * 2));
        List<OutboxEntry> chosen = choose(heads, now, free);
        if (chosen.isEmpty()) {
            return 0;
        }
        List<Long> claimed = transactor.inTransaction(session ->
                session.outbox().claim(chosen.stream().map(OutboxEntry::id).toList(), now));
        int started = 0;
        for (OutboxEntry entry : chosen) {
            if (claimed.contains(entry.id()) && sendSlots.tryAcquire()) {
                submit(entry);
                started++;
            }
        }
        return started;
    }

    /** Whether nothing is being sent right now. */
    public boolean isQuiet() {
        return sendSlots.availablePermits() == concurrency;
    }

    /**
     * Stops for shutdown, within {@code timeout}: claims nothing more, lets the sends in flight
     * finish and record their outcomes. Returns whether everything in flight finished in time.
     * Call it after inbound traffic has stopped and before the database goes away.
     */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        stopLoop(timeout);
        while (!isQuiet()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("{} outbox sends still in flight after {} s; they are retried after the next start",
                        concurrency - sendSlots.availablePermits(), timeout.toSeconds());
                return false;
            }
            synchronized (wakeSignal) {
                try {
                    wakeSignal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link #drain} with the default bound of {@link #DEFAULT_DRAIN}. */
    @Override
    public void close() {
        drain(DEFAULT_DRAIN);
    }

    private void stopLoop(Duration timeout) {
        synchronized (this) {
            stopped = true;
            running = false;
        }
        wakeUp();
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                if (dispatchDue() == 0) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                log.warn("outbox dispatch failed, retrying shortly: {}", e.getMessage());
                log.debug("outbox dispatch failure", e);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private List<OutboxEntry> choose(List<OutboxEntry> heads, Instant now, int free) {
        List<OutboxEntry> chosen = new ArrayList<>();
        synchronized (chatBuckets) {
            for (OutboxEntry head : heads) {
                ChatGateway gateway = gateways.get(head.channel().platform());
                if (gateway == null || chosen.size() >= free) {
                    continue;
                }
                if (head.lane() == Lane.BULK && !bulkBucket(gateway, now).tryTake(now)) {
                    continue;
                }
                if (chatBucket(gateway, head.channel(), now).tryTake(now)) {
                    chosen.add(head);
                }
            }
        }
        return chosen;
    }

    private TokenBucket chatBucket(ChatGateway gateway, ChannelRef channel, Instant now) {
        return chatBuckets.computeIfAbsent(channel, key -> {
            Pacing pacing = gateway.pacing(key);
            return new TokenBucket(pacing.burst(), pacing.interval(), now);
        });
    }

    private TokenBucket bulkBucket(ChatGateway gateway, Instant now) {
        return bulkBuckets.computeIfAbsent(gateway.platform(), key -> TokenBucket.perSecond(gateway.bulkPerSecond(), now));
    }

    private void submit(OutboxEntry entry) {
        try {
            senders.execute(() -> {
                try {
                    send(entry);
                } finally {
                    sendSlots.release();
                    wakeUp();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            sendSlots.release();
            transactor.runInTransaction(session ->
                    session.outbox().retryLater(entry.id(), clock.instant(), "not sent: shutting down", false));
        }
    }

    private void send(OutboxEntry entry) {
        ChatGateway gateway = gateways.get(entry.channel().platform());
        SendOutcome outcome;
        try {
            outcome = gateway.send(entry.channel(), entry.message());
        } catch (RuntimeException e) {
            log.warn("send to {} threw {}; treating as a retryable failure", entry.channel(), e.toString());
            outcome = new SendOutcome.Failed(e.toString(), true);
        }
        Instant now = clock.instant();
        Duration backoff = backoff(entry.attempts());
        if (outcome instanceof SendOutcome.RateLimited limited) {
            hold(entry, now.plus(limited.retryAfter()));
        } else if (outcome instanceof SendOutcome.Failed failed && failed.retryable()) {
            hold(entry, now.plus(backoff));
        }
        try {
            recorder.record(entry, outcome, backoff);
        } catch (RuntimeException e) {
            log.warn("could not record the outcome of outbox message {} ({}); it will be retried: {}",
                    entry.id(), outcome.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void hold(OutboxEntry entry, Instant until) {
        synchronized (chatBuckets) {
            ChatGateway gateway = gateways.get(entry.channel().platform());
            chatBucket(gateway, entry.channel(), until).drainUntil(until);
            if (entry.lane() == Lane.BULK) {
                bulkBucket(gateway, until).drainUntil(until);
            }
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts, 0), 16);
        Duration backoff = Duration.ofSeconds(seconds);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private void releaseStaleClaims(Instant now) {
        if (Duration.between(lastStaleCheck, now).compareTo(Duration.ofSeconds(30)) < 0) {
            return;
        }
        lastStaleCheck = now;
        int released = transactor.inTransaction(session -> session.outbox().releaseStale(now.minus(STALE_AFTER)));
        if (released > 0) {
            log.warn("released {} outbox messages whose send did not finish; they may be sent again", released);
        }
    }

    private void awaitWork() {
        Instant now = clock.instant();
        Duration wait = transactor.inTransaction(session -> session.outbox().nextDue())
                .map(due -> Duration.between(now, due))
                .filter(until -> until.compareTo(IDLE_POLL) < 0)
                .map(until -> until.isNegative() ? Duration.ofMillis(20) : until)
                .orElse(IDLE_POLL);
        synchronized (wakeSignal) {
            if (!wakeRequested && running) {
                try {
                    wakeSignal.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    private void pause(Duration duration) {
        synchronized (wakeSignal) {
            try {
                wakeSignal.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    static Counter sentCounter(MeterRegistry meters, Platform platform, String outcome) {
        return Counter.builder("retainbot.outbox.sends")
                .description("Outbox sends by platform and outcome")
                .tag("platform", platform.code())
                .tag("outcome", outcome)
                .register(meters);
    }
}
