package io.retainbot.core.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.port.BroadcastTimetable;
import io.retainbot.core.port.DueEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time as an input, through db-scheduler on our own database (its {@code scheduled_tasks} table comes
 * with our migrations). A {@link DueEvent} is one execution of the task {@value #DUE_TASK}, named by the
 * event's id, so scheduling it twice is a no-op; at its time it is handed to the engine, which records
 * it in the inbox under the same id (handled once however often it is handed over). Polling uses
 * lock-and-fetch ({@code select ... for update skip locked}): several instances on one database never
 * run the same execution at once, and an instance that dies mid-execution has it revived by another.
 * The retention job and the weekly work ({@link #weekly}, the account review lists) are recurring tasks:
 * one execution cluster-wide.
 *
 * <p>Broadcasts are timed here too ({@link BroadcastTimetable}): each broadcast has one execution of
 * {@value #OCCURRENCE_TASK} that starts its due occurrences and reschedules itself to the next one, and
 * each running run one execution of {@value #RUN_TASK} that queues its deliveries for a stretch of
 * {@link #RUN_STRETCH}, then reschedules itself (at once while sending, at the next due delivery while
 * waiting for quiet hours to end) or ends with the run. An instance that dies has its executions
 * revived by another after {@link #HEARTBEAT} times {@link #MISSED_HEARTBEATS}.
 */
public final class Timekeeper implements DueEvents, BroadcastTimetable, AutoCloseable {
    static final String DUE_TASK = "due-event";
    static final String RETENTION_TASK = "retention";
    static final String OCCURRENCE_TASK = "broadcast-occurrence";
    static final String RUN_TASK = "broadcast-run";
    /** How long one execution of a run sends before it hands over (so other work gets threads too). */
    static final Duration RUN_STRETCH = Duration.ofSeconds(30);
    /** The pause between two steps of a run while its messages are in flight. */
    private static final Duration RUN_PAUSE = Duration.ofMillis(200);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final int MISSED_HEARTBEATS = 5;
    /**
     * How long stopping waits for executions in progress (db-scheduler waits this twice: for its
     * workers, then for their completion); one cut short is picked up again after its heartbeat lapses.
     */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(Timekeeper.class);
    private static final TaskDescriptor<DueEvent> DUE = TaskDescriptor.of(DUE_TASK, DueEvent.class);
    private static final TaskDescriptor<Long> OCCURRENCE = TaskDescriptor.of(OCCURRENCE_TASK, Long.class);
    private static final TaskDescriptor<Long> RUN = TaskDescriptor.of(RUN_TASK, Long.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Clock clock;
    private final Settings settings;
    private final Serializer serializer;
    private final Task<DueEvent> dueTask;
    private final Task<Long> occurrenceTask;
    private final Task<Long> runTask;
    private final SchedulerClient client;
    private volatile Function<DueEvent, DueReceipt> engine;
    private volatile BroadcastRunner broadcasts;
    private final List<RecurringTask<Void>> weekly = new java.util.ArrayList<>();
    private Scheduler scheduler;

    /**
     * @param instance     this process's name in {@code picked_by} (host and pid), unique per instance
     * @param pollInterval how often each instance looks for due executions
     * @param threads      executions run at the same time in this instance
     */
    public record Settings(String instance, Duration pollInterval, int threads) {
        public Settings {
            Objects.requireNonNull(instance, "instance");
            if (pollInterval.isZero() || pollInterval.isNegative()) {
                throw new IllegalArgumentException("the poll interval must be positive");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("at least one scheduler thread");
            }
        }
    }

    public Timekeeper(DataSource dataSource, Clock clock, Settings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
        this.serializer = new JacksonSerializer(new ObjectMapper().registerModule(new JavaTimeModule()));
        this.dueTask = Tasks.custom(DUE)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> complete(engine.apply(instance.getData())));
        this.occurrenceTask = Tasks.custom(OCCURRENCE)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> occur(instance.getData()));
        this.runTask = Tasks.custom(RUN)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> send(instance.getData(), context));
        this.client = SchedulerClient.Builder.create(dataSource, List.of(dueTask, occurrenceTask, runTask))
                .serializer(serializer).build();
    }

    /**
     * Schedules the event once (a second call with its id is a no-op). One due now is looked for at once: the
     * poller would find it at its next poll, but db-scheduler times its polls on the scheduler's clock, so a
     * clock that stands still (a test's) would leave it waiting until something else woke the poller.
     */
    @Override
    public boolean schedule(DueEvent event) {
        boolean scheduled = client.scheduleIfNotExists(DUE.instance(event.id()).data(event).scheduledTo(event.dueAt()));
        if (scheduled) {
            log.debug("{} scheduled for {}", event.id(), event.dueAt());
            if (!event.dueAt().isAfter(clock.instant())) {
                checkNow();
            }
        }
        return scheduled;
    }

    @Override
    public boolean waits(DueEvent event) {
        return client.getScheduledExecution(DUE.instance(event.id()).data(event).scheduledTo(event.dueAt())
                        .getTaskInstance())
                .map(waiting -> waiting.getData() instanceof DueEvent planned && planned.kind().equals(event.kind())
                        && planned.customerId() == event.customerId() && planned.data().equals(event.data()))
                .orElse(false);
    }

    @Override
    public void planOccurrence(long broadcastId, Instant at) {
        plan(OCCURRENCE.instance("broadcast-" + broadcastId).data(broadcastId).scheduledTo(at));
    }

    @Override
    public void planRun(long runId, Instant at) {
        plan(RUN.instance("run-" + runId).data(runId).scheduledTo(at));
    }

    /**
     * Schedules the execution, or brings a waiting one forward; one that is running plans its own next
     * time. Work due now is looked for at once rather than at the next poll.
     */
    private <T> void plan(com.github.kagkarlsson.scheduler.task.SchedulableInstance<T> wanted) {
        Instant at = wanted.getNextExecutionTime(clock.instant());
        if (!at.isAfter(clock.instant())) {
            try {
                planNow(wanted, at);
            } finally {
                checkNow();
            }
        } else {
            planNow(wanted, at);
        }
    }

    private <T> void planNow(com.github.kagkarlsson.scheduler.task.SchedulableInstance<T> wanted, Instant at) {
        if (client.scheduleIfNotExists(wanted)) {
            return;
        }
        client.getScheduledExecution(wanted.getTaskInstance())
                .filter(waiting -> !waiting.isPicked() && waiting.getExecutionTime().isAfter(at))
                .ifPresent(waiting -> {
                    try {
                        client.reschedule(wanted.getTaskInstance(), at);
                    } catch (RuntimeException pickedMeanwhile) {
                        log.debug("{} was picked while being planned earlier; it plans its own next time",
                                wanted.getTaskInstance().getId());
                    }
                });
    }

    private CompletionHandler<Long> occur(long broadcastId) {
        BroadcastRunner.Occurred occurred = runner().occur(broadcastId);
        for (long run : occurred.runs()) {
            planRun(run, clock.instant());
        }
        return occurred.next().<CompletionHandler<Long>>map(next -> (done, operations) -> operations.reschedule(done, next))
                .orElse((done, operations) -> operations.remove());
    }

    private CompletionHandler<Long> send(long runId, com.github.kagkarlsson.scheduler.task.ExecutionContext context) {
        long stretchEnds = System.nanoTime() + RUN_STRETCH.toNanos();
        while (true) {
            BroadcastRunner.RunState state = runner().drive(runId);
            if (state instanceof BroadcastRunner.RunState.Ended) {
                return (done, operations) -> operations.remove();
            }
            if (state instanceof BroadcastRunner.RunState.WaitingUntil waiting) {
                return (done, operations) -> operations.reschedule(done, waiting.at());
            }
            if (context.getSchedulerState().isShuttingDown() || System.nanoTime() > stretchEnds || !pause()) {
                return (done, operations) -> operations.reschedule(done, clock.instant());
            }
        }
    }

    /** Waits {@link #RUN_PAUSE}; false when interrupted (the scheduler is stopping). */
    private static boolean pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(RUN_PAUSE.toNanos());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BroadcastRunner runner() {
        BroadcastRunner runner = broadcasts;
        if (runner == null) {
            throw new IllegalStateException("broadcast executions found, but this timekeeper was started without "
                    + "broadcasts");
        }
        return runner;
    }

    /**
     * Starts polling: due events go to {@code engine} (normally {@code ConversationEngine::acceptDue}), and
     * {@code retention} runs every {@link RetentionPolicy#every()}.
     */
    public synchronized void start(Function<DueEvent, DueReceipt> engine, Retention retention,
                                   RetentionPolicy policy) {
        start(engine, retention, policy, null);
    }

    /**
     * As {@link #start(Function, Retention, RetentionPolicy)}, and times broadcasts through
     * {@code broadcasts}: what is still to come of them is planned (again) first, so an occurrence or a
     * run whose planning was lost in a crash goes on.
     */
    public synchronized void start(Function<DueEvent, DueReceipt> engine, Retention retention,
                                   RetentionPolicy policy, BroadcastRunner broadcasts) {
        if (scheduler != null) {
            return;
        }
        this.engine = engine;
        this.broadcasts = broadcasts;
        if (broadcasts != null) {
            BroadcastRunner.Planned planned = broadcasts.planned();
            for (Map.Entry<Long, Instant> occurrence : planned.occurrences().entrySet()) {
                planOccurrence(occurrence.getKey(), occurrence.getValue());
            }
            for (long run : planned.runs()) {
                planRun(run, clock.instant());
            }
        }
        RecurringTask<Void> prune = Tasks.recurring(RETENTION_TASK, Schedules.fixedDelay(policy.every()))
                .execute((instance, context) -> retention.run());
        List<RecurringTask<Void>> recurring = new java.util.ArrayList<>(weekly);
        recurring.add(prune);
        scheduler = Scheduler.create(dataSource, List.of(dueTask, occurrenceTask, runTask))
                .startTasks(recurring)
                .serializer(serializer)
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(settings.instance()))
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .enableImmediateExecution()
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .build();
        scheduler.start();
        log.info("scheduler {} started (polling every {} s)", settings.instance(), settings.pollInterval().toSeconds());
    }

    /**
     * Runs {@code job} once a week, on {@code day} at {@code time} in {@code zone}: one execution cluster-wide,
     * however many instances run (a recurring task named {@code name}). Registered before {@link #start}.
     */
    public synchronized void weekly(String name, java.time.DayOfWeek day, java.time.LocalTime time,
                                    java.time.ZoneId zone, Runnable job) {
        if (scheduler != null) {
            throw new IllegalStateException("weekly work is registered before the timekeeper starts");
        }
        String cron = String.format(java.util.Locale.ROOT, "%d %d %d * * %s", time.getSecond(), time.getMinute(),
                time.getHour(), day.name().substring(0, 3));
        weekly.add(Tasks.recurring(name, Schedules.cron(cron, zone)).execute((instance, context) -> job.run()));
    }

    private static CompletionHandler<DueEvent> complete(DueReceipt receipt) {
        if (receipt instanceof DueReceipt.Deferred deferred) {
            return (done, operations) -> operations.reschedule(done, deferred.retryAt());
        }
        return (done, operations) -> operations.remove();
    }

    /** Looks for due executions now instead of at the next poll (after the clock moved, in tests). */
    public void checkNow() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    /** A due event still waiting: scheduled, deferred for a busy customer, or to be retried after a failure. */
    public record Waiting(DueEvent event, Instant runsAt, boolean running) {
    }

    /** The due events still waiting, for inspection. */
    public List<Waiting> waiting() {
        return client.getScheduledExecutionsForTask(DUE_TASK, DueEvent.class, ScheduledExecutionsFilter.all()).stream()
                .map(execution -> new Waiting(execution.getData(), execution.getExecutionTime(), execution.isPicked()))
                .toList();
    }

    /** Stops polling and waits for executions in progress (an interrupted one is revived after restart). */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
