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
import io.retainbot.core.port.DueEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
 * The retention job is a recurring task: one execution cluster-wide.
 */
public final class Timekeeper implements DueEvents, AutoCloseable {
    static final String DUE_TASK = "due-event";
    static final String RETENTION_TASK = "retention";
    private static final Logger log = LoggerFactory.getLogger(Timekeeper.class);
    private static final TaskDescriptor<DueEvent> DUE = TaskDescriptor.of(DUE_TASK, DueEvent.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Clock clock;
    private final Settings settings;
    private final Serializer serializer;
    private final Task<DueEvent> dueTask;
    private final SchedulerClient client;
    private volatile Function<DueEvent, DueReceipt> engine;
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
        this.client = SchedulerClient.Builder.create(dataSource, List.of(dueTask)).serializer(serializer).build();
    }

    @Override
    public boolean schedule(DueEvent event) {
        boolean scheduled = client.scheduleIfNotExists(DUE.instance(event.id()).data(event).scheduledTo(event.dueAt()));
        if (scheduled) {
            log.debug("{} scheduled for {}", event.id(), event.dueAt());
        }
        return scheduled;
    }

    /**
     * Starts polling: due events go to {@code engine} (normally {@code ConversationEngine::acceptDue}), and
     * {@code retention} runs every {@link RetentionPolicy#every()}.
     */
    public synchronized void start(Function<DueEvent, DueReceipt> engine, Retention retention,
                                   RetentionPolicy policy) {
        if (scheduler != null) {
            return;
        }
        this.engine = engine;
        RecurringTask<Void> prune = Tasks.recurring(RETENTION_TASK, Schedules.fixedDelay(policy.every()))
                .execute((instance, context) -> retention.run());
        scheduler = Scheduler.create(dataSource, List.of(dueTask))
                .startTasks(List.of(prune))
                .serializer(serializer)
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(settings.instance()))
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .build();
        scheduler.start();
        log.info("scheduler {} started (polling every {} s)", settings.instance(), settings.pollInterval().toSeconds());
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
