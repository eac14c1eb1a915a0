package io.retainbot.core.outreach;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves broadcasts along, one {@link #advance} at a time: starts the runs that are due (expanding
 * each audience into deliveries in one statement), queues due deliveries into the outbox's bulk lane
 * (never ahead of replies or staff pings) a window at a time so pausing takes effect quickly, records
 * outcomes, and finishes runs. Each delivery turns "queued" in the same transaction that enqueues its
 * message under the key {@code run:<run>:<customer>}, and pending deliveries are taken with
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

    /** One step: start due runs, queue due deliveries, record outcomes. Returns how many messages were queued. */
    public int advance() {
        startDueRuns();
        int total = 0;
        for (BroadcastRun run : transactor.inTransaction(session -> session.broadcasts().running(MAX_RUNS))) {
            total += queue(run.id());
        }
        if (total > 0) {
            queued.run();
        }
        return total;
    }

    void startDueRuns() {
        Instant now = clock.instant();
        transactor.runInTransaction(session -> {
            for (Broadcast broadcast : session.broadcasts().lockDue(now, 10)) {
                Optional<LocalDateTime> occurrence = Optional.of(broadcast.nextOccurrence());
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
                session.broadcasts().scheduleNext(broadcast.id(), occurrence.orElse(null),
                        occurrence.map(local -> broadcast.schedule().dueAt(local, businessZone)).orElse(null), now);
            }
        });
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

    private int queue(long runId) {
        Instant now = clock.instant();
        return transactor.inTransaction(session -> {
            session.broadcasts().recordOutcomes(runId, now);
            BroadcastRun run = session.broadcasts().run(runId).orElseThrow();
            if (run.status() != BroadcastRun.Status.RUNNING) {
                return 0;
            }
            if (session.broadcasts().done(runId)) {
                session.broadcasts().setRunStatus(runId, BroadcastRun.Status.FINISHED, now);
                return 0;
            }
            long room = settings.window() - session.broadcasts().inFlight(runId);
            if (room <= 0) {
                return 0;
            }
            Broadcast broadcast = session.broadcasts().find(run.broadcastId()).orElseThrow();
            Template template = session.templates().find(broadcast.templateId()).orElseThrow();
            int count = 0;
            boolean capped = broadcast.kind() != Broadcast.Kind.BIRTHDAY;
            for (long customerId : session.broadcasts().lockPending(runId, now,
                    (int) Math.min(room, settings.batch()))) {
                if (deliver(session, run, template, capped, customerId, now)) {
                    count++;
                }
            }
            return count;
        });
    }

    /** @param capped whether the frequency cap applies (birthday greetings count towards it, but always go) */
    private boolean deliver(StoreSession session, BroadcastRun run, Template template, boolean capped,
                            long customerId, Instant now) {
        Optional<Customer> found = session.customers().find(customerId);
        if (found.isEmpty()) {
            session.broadcasts().markSkipped(run.id(), customerId, "customer removed", now);
            return false;
        }
        Customer customer = found.get();
        Optional<ChannelIdentity> chat = session.customers().identities(customerId).stream()
                .filter(ChannelIdentity::reachable)
                .filter(identity -> platforms.contains(identity.platform()))
                .max(Comparator.comparing(ChannelIdentity::lastSeenAt));
        Instant lastMarketing = capped && template.purpose() == TemplatePurpose.MARKETING
                ? session.broadcasts().lastMarketing(customerId).orElse(null) : null;
        ZoneId zone = Objects.requireNonNullElse(customer.profile().zone(), businessZone);
        SendPolicy.Decision decision = policy.decide(template.purpose(), customer.consent().granted(),
                chat.isPresent(), lastMarketing, zone, now);
        if (decision instanceof SendPolicy.Decision.Skip skip) {
            session.broadcasts().markSkipped(run.id(), customerId, skip.reason().code(), now);
            return false;
        }
        if (decision instanceof SendPolicy.Decision.Wait wait) {
            session.broadcasts().postpone(run.id(), customerId, wait.until(), now);
            return false;
        }
        OfferCode offer = template.carriesOffer()
                ? offers.issue(session, customerId, "run:" + run.id(), Duration.ofDays(template.offerValidDays()), now)
                : null;
        OutboundMessage.Text message;
        try {
            message = renderer.render(template, customer,
                    new TemplateRenderer.Fill(run.occurrence().toLocalDate(), offer));
        } catch (IllegalArgumentException unfillable) {
            session.broadcasts().markSkipped(run.id(), customerId, unfillable.getMessage(), now);
            return false;
        }
        Optional<Long> outboxId = session.outbox().enqueue(new OutboxItem(chat.get().channel(), Lane.BULK, message,
                customerId, "run:" + run.id() + ":" + customerId, now));
        if (outboxId.isEmpty()) {
            session.broadcasts().markSkipped(run.id(), customerId, "already queued", now);
            return false;
        }
        session.broadcasts().markQueued(run.id(), customerId, outboxId.get(), now);
        return true;
    }

    /** For tests and the shutdown path: the runs of a broadcast. */
    public List<BroadcastRun> runs(long broadcastId) {
        return transactor.inTransaction(session -> session.broadcasts().runs(broadcastId));
    }
}
