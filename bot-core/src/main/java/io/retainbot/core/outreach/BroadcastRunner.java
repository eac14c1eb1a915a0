package io.retainbot.core.outreach;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.CustomerPages;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves broadcasts along: {@link #occur} starts a broadcast's runs that are due (expanding each
 * audience into deliveries in one statement); {@link #drive} takes one step of a run: it queues due
 * deliveries into the outbox's bulk lane (never ahead of replies or staff pings) a window at a time so
 * pausing takes effect quickly, records outcomes, and finishes the run. The timetable calls both at
 * their time (db-scheduler executions: one per broadcast, one per running run). Each delivery turns
 * "queued" in the same transaction that enqueues its message under the key {@code run:<run>:<customer>}, and pending deliveries are taken with
 * {@code skip locked}: across crashes, restarts and several instances, no customer gets a run twice.
 */
public final class BroadcastRunner {
    private static final Logger log = LoggerFactory.getLogger(BroadcastRunner.class);
    private static final int MAX_RUNS = 20;
    /** An occurrence found later than this after it was due (the service was down) is skipped, not sent late. */
    static final Duration STALE = Duration.ofDays(2);
    /** Occurrences one step walks through when catching up after a long stop. */
    private static final int MAX_CATCH_UP = 1000;

    private final Transactor transactor;
    private final TemplateRenderer renderer;
    private final Offers offers;
    private final SendPolicy policy;
    private final ZoneId businessZone;
    private final Set<Platform> platforms;
    private final Clock clock;
    private final Settings settings;
    private final Runnable queued;

    /**
     * @param window how many messages of one run may wait in the outbox at once
     * @param batch  how many deliveries one transaction queues
     */
    public record Settings(int window, int batch) {
        public static final Settings DEFAULT = new Settings(300, 100);

        /**
         * Sized for a budget of {@code perSecond} sends: a window of a second and a half of sends and a
         * batch of a fifth of a second (one step of the timetable), never below {@link #DEFAULT}; so a
         * paid broadcast's 1,000 a second never waits for its next batch, and a pause still holds within
         * a second and a half.
         */
        public static Settings forBudget(double perSecond) {
            return new Settings(Math.max(DEFAULT.window(), (int) Math.ceil(perSecond * 1.5)),
                    Math.max(DEFAULT.batch(), (int) Math.ceil(perSecond / 5)));
        }

        public Settings {
            if (window < 1 || batch < 1) {
                throw new IllegalArgumentException("window and batch must be positive");
            }
        }
    }

    /**
     * @param platforms the platforms this installation can send on (a chat elsewhere does not count as reachable)
     * @param queued    told when messages were queued (to wake the outbox dispatcher)
     */
    public BroadcastRunner(Transactor transactor, TemplateRenderer renderer, Offers offers, SendPolicy policy,
                           ZoneId businessZone, Set<Platform> platforms, Clock clock, Settings settings,
                           Runnable queued) {
        this.transactor = transactor;
        this.renderer = renderer;
        this.offers = offers;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.businessZone = businessZone;
        this.platforms = Set.copyOf(platforms);
        this.clock = clock;
        this.settings = settings;
        this.queued = queued;
    }

    /** What a run needs next, after one {@link #drive} step. */
    public sealed interface RunState {
        /** Finished, cancelled or paused: nothing more to do until it is resumed. */
        record Ended() implements RunState {
        }

        /** Messages are in flight or due now: look again shortly. */
        record Sending() implements RunState {
        }

        /** Nothing is due before {@code at} (quiet hours, a customer's own time zone). */
        record WaitingUntil(Instant at) implements RunState {
        }
    }

    /**
     * What looking at a broadcast found.
     *
     * @param next when its next occurrence is due, empty when none is left (or it is paused or cancelled)
     * @param runs its runs still sending, to be driven
     */
    public record Occurred(Optional<Instant> next, List<Long> runs) {
    }

    /** What the timetable should have planned after a restart: every look and run that is still to come. */
    public record Planned(Map<Long, Instant> occurrences, List<Long> runs) {
    }

    /**
     * One step of everything at once: starts the runs that are due and queues what is due of every
     * running run. The timetable does the same per broadcast ({@link #occur}) and per run ({@link #drive});
     * this is for tests and benchmarks that drive the runner by hand. Returns how many messages were queued.
     */
    public int advance() {
        Instant now = clock.instant();
        transactor.runInTransaction(session -> {
            for (Broadcast broadcast : session.broadcasts().lockDue(now, 10)) {
                startDue(session, broadcast, now);
            }
        });
        int total = 0;
        for (BroadcastRun run : transactor.inTransaction(session -> session.broadcasts().running(MAX_RUNS))) {
            total += queue(run.id()).queued();
        }
        if (total > 0) {
            queued.run();
        }
        return total;
    }

    /**
     * Starts the broadcast's occurrences that are due (each at most once: a run per occurrence), moves
     * its schedule on and says when to look again. Safe to call at any time and from several instances.
     */
    public Occurred occur(long broadcastId) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            Optional<Broadcast> found = session.broadcasts().lock(broadcastId);
            if (found.isEmpty()) {
                return new Occurred(Optional.empty(), List.of());
            }
            Optional<Instant> next = Optional.empty();
            if (found.get().status() == Broadcast.Status.ACTIVE && found.get().nextOccurrence() != null) {
                next = startDue(session, found.get(), now);
            }
            List<Long> running = session.broadcasts().runs(broadcastId).stream()
                    .filter(run -> run.status() == BroadcastRun.Status.RUNNING).map(BroadcastRun::id).toList();
            return new Occurred(next, running);
        });
    }

    /** Every look and run still to come, for planning them (again) when the timetable starts. */
    public Planned planned() {
        return transactor.inTransaction(session -> {
            Map<Long, Instant> occurrences = new LinkedHashMap<>();
            for (Broadcast broadcast : session.broadcasts().planned()) {
                occurrences.put(broadcast.id(), broadcast.schedule().dueAt(broadcast.nextOccurrence(), businessZone));
            }
            List<Long> runs = session.broadcasts().running(Integer.MAX_VALUE).stream().map(BroadcastRun::id).toList();
            return new Planned(occurrences, runs);
        });
    }

    /**
     * One step of a run: records the outcomes of its sent messages, queues the deliveries now due (up
     * to the window, a batch per transaction), and finishes the run when every delivery has an outcome.
     */
    public RunState drive(long runId) {
        Queued step = queue(runId);
        int total = step.queued();
        // a full batch and room left in the window: the next batch at once, in a transaction of its own
        while (step.queued() > 0) {
            queued.run();
            if (step.queued() < settings.batch() || total >= settings.window()
                    || !(step.state() instanceof RunState.Sending)) {
                break;
            }
            step = queue(runId);
            total += step.queued();
        }
        return step.state();
    }

    /** Starts the due occurrences of a locked, active broadcast; returns when its next one is due. */
    private Optional<Instant> startDue(StoreSession session, Broadcast broadcast, Instant now) {
        Optional<LocalDateTime> occurrence = Optional.of(broadcast.nextOccurrence());
        if (broadcast.schedule().dueAt(occurrence.get(), businessZone).isAfter(now)) {
            return Optional.of(broadcast.schedule().dueAt(occurrence.get(), businessZone));
        }
        for (int step = 0; step < MAX_CATCH_UP && occurrence.isPresent()
                && !broadcast.schedule().dueAt(occurrence.get(), businessZone).isAfter(now); step++) {
            Instant dueAt = broadcast.schedule().dueAt(occurrence.get(), businessZone);
            if (now.isAfter(dueAt.plus(STALE))) {
                log.warn("broadcast {} skips its occurrence {}: it was due at {}", broadcast.name(),
                        occurrence.get(), dueAt);
            } else {
                start(session, broadcast, occurrence.get(), dueAt, now);
            }
            occurrence = broadcast.schedule().after(occurrence.get());
        }
        Optional<Instant> next = occurrence.map(local -> broadcast.schedule().dueAt(local, businessZone));
        session.broadcasts().scheduleNext(broadcast.id(), occurrence.orElse(null), next.orElse(null), now);
        return next;
    }

    private void start(StoreSession session, Broadcast broadcast, LocalDateTime occurrence, Instant dueAt,
                       Instant now) {
        // Birthday greetings run once per date, whatever the time of day was set to.
        LocalDateTime key = broadcast.kind() == Broadcast.Kind.BIRTHDAY ? occurrence.toLocalDate().atStartOfDay()
                : occurrence;
        Optional<BroadcastRun> run = session.broadcasts().startRun(broadcast.id(), key, now);
        if (run.isEmpty()) {
            return;
        }
        SegmentFilter filter = broadcast.segmentId() == null ? SegmentFilter.EVERYONE
                : session.segments().find(broadcast.segmentId()).orElseThrow().filter();
        Template template = session.templates().find(broadcast.templateId()).orElseThrow();
        long added = broadcast.kind() == Broadcast.Kind.BIRTHDAY
                ? session.broadcasts().expandBirthdays(run.get().id(), filter, occurrence, businessZone, now)
                : session.broadcasts().expand(run.get().id(), filter, template.purpose() == TemplatePurpose.MARKETING,
                        broadcast.schedule().zoneMode(), occurrence, dueAt, businessZone, now);
        log.info("broadcast {} started its run for {} with {} recipients", broadcast.name(), occurrence, added);
    }

    private record Queued(int queued, RunState state) {
    }

    private Queued queue(long runId) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            session.broadcasts().recordOutcomes(runId, now);
            Optional<BroadcastRun> found = session.broadcasts().run(runId);
            if (found.isEmpty() || found.get().status() != BroadcastRun.Status.RUNNING) {
                return new Queued(0, new RunState.Ended());
            }
            BroadcastRun run = found.get();
            if (session.broadcasts().done(runId)) {
                session.broadcasts().setRunStatus(runId, BroadcastRun.Status.FINISHED, now);
                // a one-off broadcast (or one past its last occurrence) is finished when its last run is
                session.broadcasts().finishIfDone(run.broadcastId(), now);
                return new Queued(0, new RunState.Ended());
            }
            long inFlight = session.broadcasts().inFlight(runId);
            long room = settings.window() - inFlight;
            int count = 0;
            if (room > 0) {
                Broadcast broadcast = session.broadcasts().find(run.broadcastId()).orElseThrow();
                Template template = session.templates().find(broadcast.templateId()).orElseThrow();
                boolean capped = broadcast.kind() != Broadcast.Kind.BIRTHDAY;
                // deliveries of one batch in a handful of statements, whatever its size
                List<Long> due = session.broadcasts().lockPending(runId, now, (int) Math.min(room, settings.batch()));
                Map<Long, CustomerPages.Entry> customers = new HashMap<>();
                session.customerPages().of(due).forEach(entry -> customers.put(entry.customer().id(), entry));
                Map<Long, Instant> lastMarketing = capped && template.purpose() == TemplatePurpose.MARKETING
                        ? session.broadcasts().lastMarketing(due) : Map.of();
                Batch batch = new Batch();
                for (long customerId : due) {
                    decide(session, run, template, customerId, customers.get(customerId),
                            lastMarketing.get(customerId), now, batch);
                }
                count = batch.write(session, run.id(), now);
            }
            if (count > 0 || inFlight > 0) {
                return new Queued(count, new RunState.Sending());
            }
            Optional<Instant> nextPending = session.broadcasts().nextPending(runId);
            if (nextPending.isEmpty() || !nextPending.get().isAfter(now)) {
                return new Queued(count, new RunState.Sending());
            }
            return new Queued(count, new RunState.WaitingUntil(nextPending.get()));
        });
    }

    /**
     * What becomes of a batch's deliveries, written in one statement each: the messages and their chat
     * heads, the deliveries queued, skipped and postponed.
     */
    private static final class Batch {
        private final Map<Long, OutboxItem> messages = new LinkedHashMap<>();
        private final Map<Long, String> skipped = new LinkedHashMap<>();
        private final Map<Long, Instant> postponed = new LinkedHashMap<>();

        /** Writes it all down; returns how many messages were queued. */
        int write(StoreSession session, long runId, Instant now) {
            Map<String, Long> ids = session.outbox().enqueueAll(List.copyOf(messages.values()));
            Map<Long, Long> queued = new LinkedHashMap<>();
            messages.forEach((customerId, message) -> {
                Long outboxId = ids.get(message.dedupeKey());
                if (outboxId == null) {
                    skipped.put(customerId, "already queued");
                } else {
                    queued.put(customerId, outboxId);
                }
            });
            session.broadcasts().markQueued(runId, queued, now);
            session.broadcasts().markSkipped(runId, skipped, now);
            session.broadcasts().postpone(runId, postponed, now);
            return queued.size();
        }
    }

    /**
     * Decides one delivery of the batch: its message, or why it is skipped, or until when it waits. The
     * frequency cap applies to marketing other than birthday greetings, which count towards it but always go.
     *
     * @param found         the customer with their chats, read for the whole batch at once; null when removed
     * @param lastMarketing when the customer last got marketing, read for the whole batch; null for never
     *                      or when the cap does not apply
     */
    private void decide(StoreSession session, BroadcastRun run, Template template, long customerId,
                        CustomerPages.Entry found, Instant lastMarketing, Instant now, Batch batch) {
        if (found == null) {
            batch.skipped.put(customerId, "customer removed");
            return;
        }
        Customer customer = found.customer();
        Optional<ChannelIdentity> chat = found.identities().stream()
                .filter(ChannelIdentity::reachable)
                .filter(identity -> platforms.contains(identity.platform()))
                .max(Comparator.comparing(ChannelIdentity::lastSeenAt));
        ZoneId zone = Objects.requireNonNullElse(customer.profile().zone(), businessZone);
        SendPolicy.Decision decision = policy.decide(template.purpose(), customer.consent().granted(),
                chat.isPresent(), lastMarketing, zone, now);
        if (decision instanceof SendPolicy.Decision.Skip skip) {
            batch.skipped.put(customerId, skip.reason().code());
            return;
        }
        if (decision instanceof SendPolicy.Decision.Wait wait) {
            batch.postponed.put(customerId, wait.until());
            return;
        }
        OfferCode offer = template.carriesOffer()
                ? offers.issue(session, customerId, "run:" + run.id(), Duration.ofDays(template.offerValidDays()), now)
                : null;
        OutboundMessage.Text message;
        try {
            message = renderer.render(template, customer,
                    new TemplateRenderer.Fill(run.occurrence().toLocalDate(), offer));
        } catch (IllegalArgumentException unfillable) {
            batch.skipped.put(customerId, unfillable.getMessage());
            return;
        }
        batch.messages.put(customerId, new OutboxItem(chat.get().channel(), Lane.BULK, message, customerId,
                "run:" + run.id() + ":" + customerId, now));
    }

    /** For tests and the shutdown path: the runs of a broadcast. */
    public List<BroadcastRun> runs(long broadcastId) {
        return transactor.inTransaction(session -> session.broadcasts().runs(broadcastId));
    }
}
