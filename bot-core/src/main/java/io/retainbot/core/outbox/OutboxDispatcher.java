package io.retainbot.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: in order per chat, concurrently across chats, replies before staff pings before
 * bulk sends, within each platform's pacing (shared with the other instances where the budget is the
 * bot's), and records every outcome right after its send (sends that end together in one
 * transaction). A message the platform takes in several calls (a long text in parts) takes a place in the
 * budget and a turn in its chat's pacing for each call, and remembers the calls made: a retry resumes after them. A platform's "wait" is honoured to the second, server errors are retried with backoff,
 * refusals are recorded and never repeated, and an unreachable recipient gets nothing more until they
 * write again.
 *
 * <p>Each platform has its own senders, its own queue and its own share of the work: a platform
 * that hangs or rate-limits only ever holds its own send slots. Within a platform a quarter of the
 * slots (at least one) is kept for replies, so bulk sends never hold up a customer's answer.
 *
 * <p>Several dispatchers (in one process or in several) may share one database: each claim names
 * the dispatcher's {@link #instance()} and carries a lease of {@link #LEASE} that the dispatcher
 * renews while the send runs. A claim whose lease ran out (its dispatcher died) is handed back by
 * whichever dispatcher looks first, so a dead instance's messages go out again within about
 * {@code LEASE} plus a second. A dispatcher never hands back its own sends still under way, however far
 * its clock jumped meanwhile: their outcome is about to be written down.
 */
public final class OutboxDispatcher implements AutoCloseable {
    /** How long {@link #close} waits for sends in flight. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
    /** How long a claim holds without renewal. */
    public static final Duration LEASE = Duration.ofSeconds(8);
    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(2);
    private static final Duration EXPIRY_CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int MAX_TRACKED_CHATS = 50_000;
    /**
     * How far ahead a send may be picked for a place in the platform's window that is about to open: it
     * waits, claimed and ready, and starts the moment the place opens.
     */
    private static final Duration LOOKAHEAD = Duration.ofMillis(100);
    /** How long a message's further call (a long text's next part) waits for a place before the send gives up. */
    static final Duration FURTHER_CALL_WAIT = Duration.ofSeconds(5);
    /** How often such a call looks for a place again. */
    private static final Duration FURTHER_CALL_POLL = Duration.ofMillis(10);

    private final Transactor transactor;
    private final Map<Platform, PlatformQueue> platforms = new EnumMap<>(Platform.class);
    private final String instance;
    private final Clock clock;
    private final OutcomeRecorder recorder;
    private final Map<ChannelRef, TokenBucket> chatBuckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChannelRef, TokenBucket> eldest) {
            return size() > MAX_TRACKED_CHATS;
        }
    };
    /** The messages whose send this dispatcher has under way, from its claim until its outcome is written down. */
    private final Set<Long> sending = ConcurrentHashMap.newKeySet();
    /** The places of shared budgets that sends under way hold, by message: their leases are renewed too. */
    private final Map<Long, SendSlot> slotsInFlight = new ConcurrentHashMap<>();
    private final Object wakeSignal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread loop;
    private Instant lastExpiryCheck = Instant.EPOCH;
    private Instant lastRenewal = Instant.EPOCH;

    /**
     * @param platforms one entry per platform: its gateway, its own executor and how many of its sends
     *                  may be in flight at once
     * @param instance  names this dispatcher in its claims; unique among the dispatchers sharing a
     *                  database (see {@link #newInstanceId})
     */
    public OutboxDispatcher(Transactor transactor, List<PlatformSenders> platforms, String instance, Clock clock,
                            MeterRegistry meters) {
        this.transactor = Objects.requireNonNull(transactor);
        this.instance = Objects.requireNonNull(instance);
        this.clock = Objects.requireNonNull(clock);
        for (PlatformSenders senders : platforms) {
            Platform platform = senders.gateway().platform();
            if (this.platforms.put(platform, new PlatformQueue(senders)) != null) {
                throw new IllegalArgumentException("two gateways for " + platform);
            }
        }
        this.recorder = new OutcomeRecorder(transactor, clock, meters, instance);
    }

    /**
     * Every platform on one executor, {@code concurrency} sends each, under a new instance id. For
     * tests and for one platform; a running bot gives each platform its own executor.
     */
    public OutboxDispatcher(Transactor transactor, List<ChatGateway> gateways, Executor senders,
                            int concurrency, Clock clock, MeterRegistry meters) {
        this(transactor, gateways.stream().map(gateway -> new PlatformSenders(gateway, senders, concurrency)).toList(),
                newInstanceId(), clock, meters);
    }

    /** A name for this process's dispatcher: the host, the process id and a random part. */
    public static String newInstanceId() {
        String host = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "host");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The name this dispatcher's claims carry. */
    public String instance() {
        return instance;
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
        maintainClaims(now);
        int started = 0;
        for (PlatformQueue queue : platforms.values()) {
            started += dispatch(queue, now);
        }
        return started;
    }

    /** Whether nothing is being sent right now. */
    public boolean isQuiet() {
        return inFlight() == 0;
    }

    /**
     * Stops for shutdown, within {@code timeout}: claims nothing more, lets the sends in flight
     * finish and record their outcomes, and hands back the claims of sends that did not finish in
     * time (they go out again after the next start, or from another instance). Returns whether
     * everything in flight finished. Call it after inbound traffic has stopped and before the
     * database goes away; calling it again is harmless.
     */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        stopLoop(timeout);
        boolean finished = awaitQuiet(deadline);
        if (!finished) {
            log.warn("{} outbox sends still in flight after {} s; handing them back to be sent again", inFlight(),
                    timeout.toSeconds());
        }
        try {
            // a send that did not finish may still reach the platform: its place is free a second from now
            Instant placesFree = clock.instant().plus(SendWindow.SPAN);
            int released = transactor.inTransaction(session -> {
                session.outbox().releaseSlotsOf(instance, placesFree);
                return session.outbox().releaseClaims(instance);
            });
            if (released > 0) {
                log.warn("handed back {} outbox messages whose send did not finish; they may be sent twice", released);
            }
        } catch (RuntimeException e) {
            log.warn("could not hand back unfinished outbox claims ({}); they are taken over when their lease ends",
                    e.getMessage());
        }
        return finished;
    }

    /** {@link #drain} with the default bound of {@link #DEFAULT_DRAIN}. */
    @Override
    public void close() {
        drain(DEFAULT_DRAIN);
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

    private int dispatch(PlatformQueue queue, Instant now) {
        int free = queue.slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        int room;
        boolean bulkReady;
        synchronized (chatBuckets) {
            room = Math.min(free, queue.window().room(now, LOOKAHEAD));
            bulkReady = !queue.bulkBucket(now).nextTokenAt(now).isAfter(now);
        }
        if (room == 0) {
            return 0;
        }
        int backgroundFree = Math.max(0, Math.min(room, queue.backgroundLimit - queue.background.get()));
        Map<Lane, Integer> limits = new EnumMap<>(Lane.class);
        limits.put(Lane.REPLY, room * 2);
        limits.put(Lane.STAFF, backgroundFree * 2);
        limits.put(Lane.BULK, bulkReady ? backgroundFree * 2 : 0);
        Platform platform = queue.gateway.platform();
        List<OutboxEntry> chosen = new ArrayList<>();
        List<SendSlot> places = new ArrayList<>();
        List<Long> claimed = transactor.inTransaction(session -> {
            chosen.clear();
            places.clear();
            int sendable = room;
            if (queue.shared) {
                // the budget every instance of the bot shares: as many sends as places this instance got
                places.addAll(session.outbox().takeSlots(platform, queue.window().limit(), room, instance, now,
                        now.plus(LOOKAHEAD), now.plus(LEASE)));
                sendable = places.size();
                if (sendable == 0) {
                    return List.<Long>of();
                }
            }
            chosen.addAll(choose(queue, session.outbox().dueHeads(platform, now, limits), now, sendable,
                    Math.min(backgroundFree, sendable)));
            List<Long> got = session.outbox().claim(platform, chosen, instance, now, now.plus(LEASE));
            if (queue.shared) {
                int used = (int) chosen.stream().filter(entry -> got.contains(entry.id())).count();
                session.outbox().releaseSlots(instance, places.subList(used, places.size()));
            }
            return got;
        });
        takePacing(queue, chosen, claimed, now);
        int started = 0;
        int place = 0;
        for (OutboxEntry entry : chosen) {
            if (claimed.contains(entry.id())) {
                SendSlot slot = queue.shared ? places.get(place++) : null;
                Optional<Instant> placeOpens;
                synchronized (chatBuckets) {
                    placeOpens = queue.window().reserve(now, LOOKAHEAD);
                }
                if (placeOpens.isEmpty()) {
                    putBack(entry, slot, now, "not sent: the platform's window filled up");
                    continue;
                }
                Instant startAt = slot != null && slot.opensAt().isAfter(placeOpens.get()) ? slot.opensAt()
                        : placeOpens.get();
                submit(queue, entry, placeOpens.get(), startAt, slot);
                started++;
            }
        }
        return started;
    }

    /**
     * Picks the heads to send now: replies first, at most {@code room} in all (the senders free and the
     * platform's window), each within its chat's pacing and bulk sends within the bulk lane's rate too. Takes
     * no token: it runs inside the claim's transaction, which may run again (and another instance may claim a
     * head first), so the tokens are taken for the heads claimed once that committed ({@link #takePacing}).
     */
    private List<OutboxEntry> choose(PlatformQueue queue, List<OutboxEntry> heads, Instant now, int room,
                                     int backgroundFree) {
        List<OutboxEntry> chosen = new ArrayList<>();
        Map<TokenBucket, Integer> promised = new IdentityHashMap<>();
        int background = 0;
        synchronized (chatBuckets) {
            TokenBucket bulk = queue.bulkBucket(now);
            for (OutboxEntry head : heads) {
                boolean isBackground = head.lane() != Lane.REPLY;
                boolean isBulk = head.lane() == Lane.BULK;
                if (chosen.size() >= room || (isBackground && background >= backgroundFree)) {
                    continue;
                }
                if (isBulk && !promise(promised, bulk, now)) {
                    continue;
                }
                if (promise(promised, chatBucket(queue.gateway, head.channel(), now), now)) {
                    chosen.add(head);
                    background += isBackground ? 1 : 0;
                } else if (isBulk) {
                    promised.merge(bulk, -1, Integer::sum);
                }
            }
        }
        return chosen;
    }

    /** Promises one more of the bucket's tokens, if it has one more than promised already. */
    private static boolean promise(Map<TokenBucket, Integer> promised, TokenBucket bucket, Instant now) {
        int already = promised.getOrDefault(bucket, 0);
        if (bucket.available(now) <= already) {
            return false;
        }
        promised.put(bucket, already + 1);
        return true;
    }

    /** The claimed heads take their tokens: their chat's, and the bulk lane's for a bulk send. */
    private void takePacing(PlatformQueue queue, List<OutboxEntry> chosen, List<Long> claimed, Instant now) {
        synchronized (chatBuckets) {
            for (OutboxEntry entry : chosen) {
                if (claimed.contains(entry.id())) {
                    chatBucket(queue.gateway, entry.channel(), now).tryTake(now);
                    if (entry.lane() == Lane.BULK) {
                        queue.bulkBucket(now).tryTake(now);
                    }
                }
            }
        }
    }

    private TokenBucket chatBucket(ChatGateway gateway, ChannelRef channel, Instant now) {
        return chatBuckets.computeIfAbsent(channel, key -> {
            Pacing pacing = gateway.pacing(key);
            return new TokenBucket(pacing.burst(), pacing.interval(), now);
        });
    }

    /**
     * Hands a claimed send to a sender; it starts at {@code startAt}, when its place in this instance's
     * window ({@code placeOpens}) and its place in the shared budget ({@code slot}, null when the budget is
     * this instance's own) are both open.
     */
    private void submit(PlatformQueue queue, OutboxEntry entry, Instant placeOpens, Instant startAt, SendSlot slot) {
        Sending send = new Sending(entry, placeOpens, startAt, slot);
        boolean isBackground = entry.lane() != Lane.REPLY;
        if (!queue.slots.tryAcquire()) {
            withdraw(queue, send, clock.instant(), "not sent: no free sender");
            return;
        }
        if (isBackground) {
            queue.background.incrementAndGet();
        }
        sending.add(entry.id());
        if (slot != null) {
            slotsInFlight.put(entry.id(), slot);
        }
        try {
            queue.executor.execute(() -> {
                try {
                    send(queue, send);
                } finally {
                    sending.remove(entry.id());
                    slotsInFlight.remove(entry.id());
                    finished(queue, isBackground);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            sending.remove(entry.id());
            slotsInFlight.remove(entry.id());
            finished(queue, isBackground);
            withdraw(queue, send, clock.instant(), "not sent: the senders refused it (shutting down)");
        }
    }

    /** A claimed send on its way to a sender: its places open at these moments. */
    private record Sending(OutboxEntry entry, Instant placeOpens, Instant startAt, SendSlot slot) {
    }

    private void finished(PlatformQueue queue, boolean isBackground) {
        if (isBackground) {
            queue.background.decrementAndGet();
        }
        queue.slots.release();
        wakeUp();
    }

    /** A claimed send that is not made after all: its places are given back, the message waits. */
    private void withdraw(PlatformQueue queue, Sending send, Instant until, String why) {
        synchronized (chatBuckets) {
            queue.window().withdrawn(send.placeOpens());
        }
        putBack(send.entry(), send.slot(), until, why);
    }

    /** Puts a claimed message back, and its place in the shared budget (if it has one) as it was. */
    private void putBack(OutboxEntry entry, SendSlot slot, Instant until, String why) {
        transactor.inTransaction(session -> {
            if (slot != null) {
                session.outbox().releaseSlots(instance, List.of(slot));
            }
            return session.outbox().retryLater(entry, instance, until, why, false);
        });
    }

    /** A platform that shows no photos gets a text's words and buttons alone. */
    private static OutboundMessage asTheGatewayTakesIt(ChatGateway gateway, OutboundMessage message) {
        if (message instanceof OutboundMessage.Text text && text.photo() != null && !gateway.takesPhotos()) {
            return text.withPhoto(null);
        }
        return message;
    }

    private void send(PlatformQueue queue, Sending send) {
        OutboxEntry entry = send.entry();
        if (!awaitPlace(send.startAt())) {
            withdraw(queue, send, clock.instant(), "not sent: stopping, or the clock did not reach its turn");
            return;
        }
        Instant heldUntil = heldUntil(queue, clock.instant());
        if (heldUntil != null) {
            // the platform announced a wait after this send was picked: it waits too, it does not go inside it
            withdraw(queue, send, heldUntil, "not sent: the platform asked to wait");
            return;
        }
        SendOutcome outcome;
        FurtherPlaces places = new FurtherPlaces(queue, entry, send.slot());
        try {
            outcome = queue.gateway.send(entry.channel(), asTheGatewayTakesIt(queue.gateway, entry.message()), places);
        } catch (Exception e) {
            log.warn("send to {} threw {}; treating as a retryable failure", entry.channel(), e.toString());
            outcome = new SendOutcome.Failed(e.toString(), true);
        }
        Instant now = clock.instant();
        if (places.holding) {
            synchronized (chatBuckets) {
                queue.window().answered(now);
            }
        }
        Duration backoff = backoff(entry.attempts());
        if (outcome instanceof SendOutcome.RateLimited limited) {
            hold(queue, entry, now.plus(limited.retryAfter()));
            holdPlatform(queue, now.plus(limited.retryAfter()));
        } else if (outcome instanceof SendOutcome.Failed failed && failed.retryable()) {
            hold(queue, entry, now.plus(backoff));
        }
        // the shared place is free a second after the answer, as this instance's window counts it
        SendSlot freed = places.slot == null || !places.holding ? null : places.slot.freeFrom(now.plus(SendWindow.SPAN));
        try {
            recorder.record(entry, outcome, backoff, freed);
        } catch (RuntimeException e) {
            log.warn("could not record the outcome of outbox message {} ({}); it will be retried: {}",
                    entry.id(), outcome.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * The places of one message's further platform calls (a long text's next part): each call writes down that
     * the calls before it went out (a retry resumes after them), gives back the place of the one before, its
     * answer having come back, and waits for its turn in the chat's pacing and a place of its own in this
     * instance's window and, where the budget is shared, in the database's; it gives up after
     * {@link #FURTHER_CALL_WAIT} or when the dispatcher stops. Used by the message's sender thread only.
     */
    private final class FurtherPlaces implements ChatGateway.FurtherCalls {
        private final PlatformQueue queue;
        private final OutboxEntry entry;
        /** The message's calls that went out, on earlier attempts and this one. */
        private int made;
        /** The place in the shared budget the current call holds; null when the budget is this instance's own. */
        SendSlot slot;
        /** Whether the current call holds a place (in the window, and the slot when shared). */
        boolean holding = true;

        FurtherPlaces(PlatformQueue queue, OutboxEntry entry, SendSlot slot) {
            this.queue = queue;
            this.entry = entry;
            this.slot = slot;
            this.made = entry.callsMade();
        }

        @Override
        public int madeBefore() {
            return entry.callsMade();
        }

        @Override
        public boolean next() {
            giveBack(clock.instant());
            remember(++made);
            long giveUpAt = System.nanoTime() + FURTHER_CALL_WAIT.toNanos();
            boolean paced = false;
            while (!stopped && System.nanoTime() < giveUpAt) {
                Instant now = clock.instant();
                if (!paced) {
                    synchronized (chatBuckets) {
                        paced = chatBucket(queue.gateway, entry.channel(), now).tryTake(now);
                    }
                    if (!paced) {
                        if (!pauseBriefly()) {
                            return false;
                        }
                        continue;
                    }
                }
                Optional<Instant> placeOpens;
                synchronized (chatBuckets) {
                    placeOpens = queue.window().reserve(now, LOOKAHEAD);
                }
                if (placeOpens.isPresent()) {
                    Optional<SendSlot> shared = queue.shared ? takeSlot(now) : Optional.empty();
                    if (!queue.shared || shared.isPresent()) {
                        holding = true;
                        slot = shared.orElse(null);
                        if (slot != null) {
                            slotsInFlight.put(entry.id(), slot);
                        }
                        Instant startAt = slot != null && slot.opensAt().isAfter(placeOpens.get()) ? slot.opensAt()
                                : placeOpens.get();
                        if (awaitPlace(startAt)) {
                            return true;
                        }
                        giveBackUnused(placeOpens.get());
                        return false;
                    }
                    synchronized (chatBuckets) {
                        queue.window().withdrawn(placeOpens.get());
                    }
                }
                if (!pauseBriefly()) {
                    return false;
                }
            }
            return false;
        }

        /** The first {@code calls} calls went out: a retry starts after them. */
        private void remember(int calls) {
            try {
                transactor.runInTransaction(session -> session.outbox().madeCalls(entry, instance, calls));
            } catch (RuntimeException e) {
                log.warn("could not write down that {} parts of outbox message {} went out ({}); a retry repeats them",
                        calls, entry.id(), e.getMessage());
            }
        }

        private Optional<SendSlot> takeSlot(Instant now) {
            List<SendSlot> taken = transactor.inTransaction(session -> session.outbox().takeSlots(
                    queue.gateway.platform(), queue.window().limit(), 1, instance, now, now.plus(LOOKAHEAD),
                    now.plus(LEASE)));
            return taken.stream().findFirst();
        }

        /** The previous call's answer came back at {@code at}: its places leave the budget a second later. */
        private void giveBack(Instant at) {
            if (!holding) {
                return;
            }
            holding = false;
            synchronized (chatBuckets) {
                queue.window().answered(at);
            }
            releaseSlot(slot == null ? null : slot.freeFrom(at.plus(SendWindow.SPAN)));
        }

        /** A place got for a call that is not made after all (stopping): free again when it would have opened. */
        private void giveBackUnused(Instant placeOpens) {
            holding = false;
            synchronized (chatBuckets) {
                queue.window().withdrawn(placeOpens);
            }
            releaseSlot(slot);
        }

        private void releaseSlot(SendSlot freed) {
            if (freed == null) {
                return;
            }
            slotsInFlight.remove(entry.id());
            slot = null;
            try {
                transactor.runInTransaction(session -> session.outbox().releaseSlots(instance, List.of(freed)));
            } catch (RuntimeException e) {
                log.warn("could not give back a place in the shared budget ({}); it is taken over when its lease ends",
                        e.getMessage());
            }
        }

        private boolean pauseBriefly() {
            try {
                TimeUnit.MILLISECONDS.sleep(FURTHER_CALL_POLL.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Waits for the moment a send's place in the window opens (at most {@link #LOOKAHEAD} ahead); false
     * when the dispatcher stops meanwhile, or when a clock that is not the wall clock (a test's) does not
     * get there within a second more than it should have taken.
     */
    private boolean awaitPlace(Instant placeOpens) {
        long giveUpAt = System.nanoTime() + Duration.between(clock.instant(), placeOpens).toNanos()
                + TimeUnit.SECONDS.toNanos(1);
        Duration left = Duration.between(clock.instant(), placeOpens);
        while (!left.isNegative() && !left.isZero()) {
            if (stopped || System.nanoTime() > giveUpAt) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(100_000, left.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            left = Duration.between(clock.instant(), placeOpens);
        }
        return true;
    }

    /** When the platform's announced wait ends, null when there is none now. */
    private Instant heldUntil(PlatformQueue queue, Instant now) {
        synchronized (chatBuckets) {
            SendWindow window = queue.window();
            return window.isHeld(now) ? window.heldUntil() : null;
        }
    }

    private void hold(PlatformQueue queue, OutboxEntry entry, Instant until) {
        synchronized (chatBuckets) {
            chatBucket(queue.gateway, entry.channel(), until).drainUntil(until);
            if (entry.lane() == Lane.BULK) {
                queue.bulkBucket(until).resumeGentlyAt(until);
            }
        }
    }

    /** A platform's "wait" (429 and retry_after) is for the whole bot: nothing of that platform goes before. */
    private void holdPlatform(PlatformQueue queue, Instant until) {
        synchronized (chatBuckets) {
            queue.window().holdUntil(until);
            queue.bulkBucket(until).resumeGentlyAt(until);
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts, 0), 16);
        Duration backoff = Duration.ofSeconds(seconds);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /**
     * Renews the leases of this instance's sends under way (and of their places in shared budgets) and hands
     * back the claims of dead or stalled instances (and its own claims left without a send, say when writing
     * an outcome down failed).
     */
    private synchronized void maintainClaims(Instant now) {
        if (!sending.isEmpty() && !now.isBefore(lastRenewal.plus(RENEW_EVERY))) {
            lastRenewal = now;
            List<Long> underWay = List.copyOf(sending);
            List<SendSlot> places = List.copyOf(slotsInFlight.values());
            transactor.inTransaction(session -> {
                session.outbox().renewSlots(instance, places, now.plus(LEASE));
                return session.outbox().renewLeases(instance, underWay, now.plus(LEASE));
            });
        }
        if (!now.isBefore(lastExpiryCheck.plus(EXPIRY_CHECK_EVERY))) {
            lastExpiryCheck = now;
            List<Long> underWay = List.copyOf(sending);
            int released = transactor.inTransaction(session -> session.outbox().releaseExpired(now, instance, underWay));
            if (released > 0) {
                log.warn("took over {} outbox messages whose sender stopped renewing its claim; they may be sent twice",
                        released);
            }
        }
    }

    /** Every platform's senders are busy: only a finishing send (which wakes the loop) makes room. */
    private boolean allSendersBusy() {
        for (PlatformQueue queue : platforms.values()) {
            if (queue.slots.availablePermits() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Something is due and was not sent: look again when the first full window opens (a send's answer
     * wakes the loop earlier), so the budget is used to the last place without polling; shortly when no
     * window is full (a chat's pacing held it).
     */
    private Duration untilAWindowOpens(Instant now) {
        Instant opens = null;
        synchronized (chatBuckets) {
            for (PlatformQueue queue : platforms.values()) {
                Instant at = queue.window().nextRoomAt(now);
                if (at.isAfter(now) && (opens == null || at.isBefore(opens))) {
                    opens = at;
                }
            }
        }
        if (opens == null || !opens.minus(LOOKAHEAD).isAfter(now)) {
            return Duration.ofMillis(20);
        }
        Duration until = Duration.between(now, opens.minus(LOOKAHEAD));
        return until.compareTo(IDLE_POLL) < 0 ? until : IDLE_POLL;
    }

    private int inFlight() {
        int busy = 0;
        for (PlatformQueue queue : platforms.values()) {
            busy += queue.concurrency - queue.slots.availablePermits();
        }
        return busy;
    }

    private boolean awaitQuiet(long deadlineNanos) {
        synchronized (wakeSignal) {
            while (inFlight() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wakeSignal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
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

    private void awaitWork() {
        Instant now = clock.instant();
        Duration wait = allSendersBusy() ? IDLE_POLL : transactor.inTransaction(session -> session.outbox().nextDue())
                .map(due -> Duration.between(now, due))
                .filter(until -> until.compareTo(IDLE_POLL) < 0)
                .map(until -> until.isNegative() ? untilAWindowOpens(now) : until)
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

    /** One platform's gateway, senders and budgets. */
    private static final class PlatformQueue {
        final ChatGateway gateway;
        final Executor executor;
        final int concurrency;
        final Semaphore slots;
        /** Staff and bulk sends may hold at most this many slots; the rest is kept for replies. */
        final int backgroundLimit;
        final AtomicInteger background = new AtomicInteger();
        /** Whether the platform's budget is counted with the other instances', in the database. */
        final boolean shared;
        /** Made on first use (the gateway's budget is read then); guarded by the dispatcher's chat buckets. */
        private TokenBucket bulkBucket;
        /** Every send of the platform, counted as the platform counts it; guarded like the bulk bucket. */
        private SendWindow window;

        PlatformQueue(PlatformSenders senders) {
            this.gateway = senders.gateway();
            this.executor = senders.executor();
            this.concurrency = senders.concurrency();
            this.slots = new Semaphore(concurrency);
            this.backgroundLimit = concurrency == 1 ? 1 : concurrency - Math.max(1, concurrency / 4);
            this.shared = gateway.budgetSharedByInstances();
        }

        SendWindow window() {
            if (window == null) {
                window = SendWindow.perSecond(gateway.bulkPerSecond());
            }
            return window;
        }

        TokenBucket bulkBucket(Instant now) {
            if (bulkBucket == null) {
                bulkBucket = TokenBucket.perSecond(gateway.bulkPerSecond(), now);
            }
            return bulkBucket;
        }
    }
}
