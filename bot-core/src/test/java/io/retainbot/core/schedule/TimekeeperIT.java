package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.CrashingTransactor;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.testing.Timekeepers;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.staff.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scheduled event delivered twice, by two instances, or after a crash is handled once. */
class TimekeeperIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    final Timekeepers timekeepers = new Timekeepers(db, clock);
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
    }

    private Timekeeper timekeeper(String instance) {
        return timekeepers.instance(instance, Duration.ofMillis(100), 4);
    }

    private void start(Timekeeper timekeeper, Function<DueEvent, DueReceipt> engine) {
        timekeeper.start(engine, new Retention(db.database().housekeeping(), RetentionPolicy.DEFAULT, clock),
                RetentionPolicy.DEFAULT);
    }

    private ConversationEngine engine(Transactor through) {
        return new ConversationEngine(through, Messages.builtIn(), BusinessConfig.defaults(), Set.of(), clock,
                () -> { }, Reactions.none(), BotContactPolicy.DEFAULT);
    }

    /** Customers with a resolved complaint each, and a survey due for each of them now. */
    private List<DueEvent> resolvedComplaints(int count) {
        EngineFixture chats = EngineFixture.withReactions(db, clock, Reactions.none(), BotContactPolicy.DEFAULT);
        ComplaintCare care = new ComplaintCare(new CareTransactions(transactor, Reactions.none(), Messages.builtIn(),
                BusinessConfig.defaults(), clock, () -> { }));
        List<DueEvent> due = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String userId = String.valueOf(9000 + index);
            chats.chat(userId, "Ana", "en").user("/start").pressData("consent:no")
                    .submitForm("complaint", Map.of("category", "product", "description", "It broke on day one."));
            var complaint = chats.complaintsOf(userId).get(0);
            care.resolve(new ResolveComplaint(complaint.ref(), Actor.admin(), ""));
            due.add(new DueEvent("survey:" + complaint.ref() + ":1", "survey", complaint.customerId(), clock.instant(),
                    Map.of("ref", complaint.ref().toString())));
        }
        return due;
    }

    private long surveysAsked() {
        return db.count("select count(*) from outbox where message::text like '%survey:score:1%'");
    }

    private long handledInInbox() {
        return db.count("select count(*) from inbox where platform = 'schedule'");
    }

    private void awaitNothingWaiting(Timekeeper timekeeper) {
        Await.until(() -> timekeeper.waiting().isEmpty(), Await.DEFAULT, () -> "waiting: " + timekeeper.waiting());
    }

    @Test
    void schedulingTheSameEventTwiceKeepsOneAndDeliveringItAgainDoesNothing() {
        DueEvent survey = resolvedComplaints(1).get(0);
        Timekeeper timekeeper = timekeeper("one");

        assertThat(timekeeper.schedule(survey)).isTrue();
        assertThat(timekeeper.schedule(survey)).isFalse();
        assertThat(timekeeper.waiting()).hasSize(1);

        ConversationEngine engine = engine(transactor);
        start(timekeeper, engine::acceptDue);
        timekeeper.checkNow();
        awaitNothingWaiting(timekeeper);

        assertThat(engine.acceptDue(survey)).isEqualTo(new DueReceipt.Duplicate());
        assertThat(timekeeper.schedule(survey)).as("scheduled again after it ran, as a re-delivery would").isTrue();
        timekeeper.checkNow();
        awaitNothingWaiting(timekeeper);

        assertThat(surveysAsked()).isEqualTo(1);
        assertThat(handledInInbox()).isEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseHandleEachEventOnce() {
        List<DueEvent> surveys = resolvedComplaints(30);
        Timekeeper first = timekeeper("instance-a");
        Timekeeper second = timekeeper("instance-b");
        AtomicInteger handedOver = new AtomicInteger();
        ConversationEngine engineA = engine(transactor);
        ConversationEngine engineB = engine(transactor);
        surveys.forEach(first::schedule);
        surveys.forEach(second::schedule);

        start(first, due -> {
            handedOver.incrementAndGet();
            return engineA.acceptDue(due);
        });
        start(second, due -> {
            handedOver.incrementAndGet();
            return engineB.acceptDue(due);
        });
        first.checkNow();
        second.checkNow();
        awaitNothingWaiting(first);

        assertThat(handedOver).as("db-scheduler runs each execution in one instance").hasValue(30);
        assertThat(surveysAsked()).isEqualTo(30);
        assertThat(handledInInbox()).isEqualTo(30);
    }

    @Test
    void anEventWhoseHandlingCrashedIsTriedAgainLaterAndHandledOnce() {
        DueEvent survey = resolvedComplaints(1).get(0);
        CrashingTransactor crashing = new CrashingTransactor(transactor);
        ConversationEngine engine = engine(crashing);
        AtomicInteger attempts = new AtomicInteger();
        Timekeeper timekeeper = timekeeper("crashing");
        timekeeper.schedule(survey);

        crashing.crashNext(1);
        start(timekeeper, due -> {
            attempts.incrementAndGet();
            return engine.acceptDue(due);
        });
        timekeeper.checkNow();
        Await.until(() -> attempts.get() == 1 && timekeeper.waiting().stream().noneMatch(Timekeeper.Waiting::running));
        assertThat(surveysAsked()).isZero();
        assertThat(timekeeper.waiting()).singleElement()
                .satisfies(waiting -> assertThat(waiting.runsAt()).isAfter(clock.instant()));

        clock.advance(Duration.ofMinutes(1));
        timekeeper.checkNow();
        awaitNothingWaiting(timekeeper);

        assertThat(attempts).hasValue(2);
        assertThat(surveysAsked()).isEqualTo(1);
        assertThat(handledInInbox()).isEqualTo(1);
    }

    @Test
    void stoppingDoesNotWaitForAHungEventAndAnotherInstancePicksItUpAfterItsHeartbeatLapses() throws Exception {
        DueEvent survey = resolvedComplaints(1).get(0);
        ConversationEngine engine = engine(transactor);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Timekeeper hung = timekeeper("hung");
        hung.schedule(survey);
        start(hung, due -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the hung handler was let go");
        });
        hung.checkNow();
        Await.until(() -> entered.getCount() == 0);

        Thread stopping = new Thread(hung::close, "stopping-the-hung-timekeeper");
        try {
            stopping.start();
            Await.until(() -> !stopping.isAlive(), Await.DEFAULT, () -> "close() still waits for the hung handler");

            clock.advance(Duration.ofMinutes(1));
            Timekeeper next = timekeeper("next");
            start(next, engine::acceptDue);
            Await.until(() -> surveysAsked() == 1, Await.DEFAULT, () -> "waiting: " + next.waiting());
            awaitNothingWaiting(next);
            assertThat(handledInInbox()).isEqualTo(1);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aCrashAfterTheEngineCommittedLeavesARetryThatFindsItHandled() {
        DueEvent survey = resolvedComplaints(1).get(0);
        ConversationEngine engine = engine(transactor);
        AtomicInteger attempts = new AtomicInteger();
        Timekeeper timekeeper = timekeeper("dies-after-commit");
        timekeeper.schedule(survey);

        start(timekeeper, due -> {
            DueReceipt receipt = engine.acceptDue(due);
            if (attempts.incrementAndGet() == 1) {
                throw new StoreUnavailableException("the process died before db-scheduler noted the execution", null);
            }
            return receipt;
        });
        timekeeper.checkNow();
        Await.until(() -> attempts.get() == 1 && timekeeper.waiting().stream().noneMatch(Timekeeper.Waiting::running));
        clock.advance(Duration.ofMinutes(1));
        timekeeper.checkNow();
        awaitNothingWaiting(timekeeper);

        assertThat(attempts).hasValue(2);
        assertThat(surveysAsked()).isEqualTo(1);
        assertThat(handledInInbox()).isEqualTo(1);
    }

    @Test
    void aBugMetWhileStartingTheFlowIsRecordedAndNotTriedAgainForever() {
        DueEvent survey = resolvedComplaints(1).get(0);
        AtomicInteger calls = new AtomicInteger();
        Transactor buggyOnce = new Transactor() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                return transactor.inTransaction(session -> {
                    T result = work.run(session);
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("a bug in the flow");
                    }
                    return result;
                });
            }
        };

        DueReceipt receipt = engine(buggyOnce).acceptDue(survey);

        assertThat(receipt).isEqualTo(new DueReceipt.Skipped("it failed: IllegalStateException"));
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'failed'"))
                .isEqualTo(1);
        assertThat(surveysAsked()).isZero();
        assertThat(engine(transactor).acceptDue(survey)).isEqualTo(new DueReceipt.Duplicate());
    }

    @Test
    void theRetentionJobIsOneRecurringExecutionForAllInstancesAndRunsWhenDue() {
        Timekeeper first = timekeeper("instance-a");
        start(first, due -> new DueReceipt.Handled());
        Timekeeper second = timekeeper("instance-b");
        start(second, due -> new DueReceipt.Handled());
        assertThat(db.count("select count(*) from scheduled_tasks where task_name = 'retention'")).isEqualTo(1);

        clock.advance(RetentionPolicy.DEFAULT.every().plusMinutes(1));
        Instant due = clock.instant();
        // the scheduler's waits run on the test's clock, which stands still: each look is asked for, until it ran
        Await.until(() -> {
            first.checkNow();
            second.checkNow();
            return db.count("select count(*) from scheduled_tasks where task_name = 'retention' "
                    + "and not picked and last_success >= timestamptz '" + due + "'") == 1;
        }, Duration.ofMinutes(2), () -> "retention: " + db.count("select count(*) from scheduled_tasks "
                + "where task_name = 'retention' and picked") + " picked");
        assertThat(db.count("select count(*) from scheduled_tasks where task_name = 'retention' and execution_time > "
                + "timestamptz '" + due + "'")).as("the next run is planned").isEqualTo(1);
    }

    @Test
    void dueEventIdsAndKindsValidateThemselves() {
        assertThatThrownBy(() -> new DueEvent("survey C-1", "survey", 1, clock.instant(), Map.of()))
                .hasMessageContaining("a due event id looks like survey:C-1042:17");
        assertThatThrownBy(() -> new DueEvent("survey:C-1:1", "Survey!", 1, clock.instant(), Map.of()))
                .hasMessageContaining("a due event kind is a lower-case name");
        assertThat(new DueEvent("birthday:2027:customer-42", "birthday", 42, clock.instant(), null).data()).isEmpty();
        assertThat(Platform.fromCode("web")).isEqualTo(Platform.WEB);
    }
}
