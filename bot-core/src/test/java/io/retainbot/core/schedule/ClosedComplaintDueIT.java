package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.ScheduleSurvey;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.reaction.WatchPromise;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.PromiseWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A complaint closed before its watch's events fall due: promise alerts, resolution alerts and the "still on
 * it" message stay in the scheduler until their time (db-scheduler has no cheap removal by complaint), then
 * run through the real scheduler as RetainBot wires it and do nothing anyone sees: no staff ping about a
 * resolved complaint, no message to its customer; each is recorded as skipped and leaves the scheduler.
 */
class ClosedComplaintDueIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ChannelRef STAFF_GROUP = new ChannelRef(Platform.TELEGRAM, "-100888");
    /** Long enough that the survey stays out of this test's week. */
    private static final Duration SURVEY_DELAY = Duration.ofDays(30);

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private Timekeeper timekeeper;
    private EngineFixture engine;
    private ReactionRelay relay;
    private ComplaintCare care;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        BusinessConfig business = BusinessConfig.defaults();
        timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings("test-1", Duration.ofMillis(200), 2));
        Reactions reactions = Reactions.of(new WatchPromise(timekeeper, business, AlertStages.DEFAULT),
                new ScheduleSurvey(timekeeper, SURVEY_DELAY));
        engine = EngineFixture.withReactions(db, clock, business, reactions, BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), business,
                clock, () -> { }));
        PromiseWatch watch = new PromiseWatch(engine.transactor(), reactions, Messages.builtIn(), business,
                new StaffChats(Messages.builtIn(), business, "en", List.of(STAFF_GROUP)), clock, () -> { });
        // as RetainBot wires it: staff alerts to the promise watch, the rest to the engine
        timekeeper.start(due -> watch.handles(due) ? switch (watch.alert(due)) {
            case ALERTED -> new DueReceipt.Handled();
            case NOT_NEEDED -> new DueReceipt.Skipped("answered or closed before the alert");
            case DUPLICATE -> new DueReceipt.Duplicate();
        } : engine.engine().acceptDue(due), new Retention(db.database().housekeeping(), RetentionPolicy.DEFAULT, clock),
                RetentionPolicy.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        timekeeper.close();
    }

    @Test
    void aComplaintResolvedBeforeItsAlertsFallDuePingsNobodyAndTellsItsCustomerNothing() {
        ChatTranscript chat = engine.chat("8101", "Mina", "en").user("/start").skipUnread().pressData("consent:no")
                .skipUnread();
        chat.submitForm("complaint", Map.of("category", "delivery", "description", "The parcel never arrived."))
                .skipUnread();
        relay.runDue();
        ComplaintRef ref = engine.complaintsOf("8101").get(0).ref();
        List<String> watched = timekeeper.waiting().stream().map(waiting -> waiting.event().kind()).toList();

        care.resolve(new ResolveComplaint(ref, Actor.admin(), ""));
        chat.deliverPending().botSaysContaining(ref.toString()).botSaysNothingMore();
        relay.runDue();
        clock.advance(Duration.ofDays(7));
        timekeeper.checkNow();
        Await.until(() -> timekeeper.waiting().stream().noneMatch(waiting -> waiting.running()
                        || !waiting.runsAt().isAfter(clock.instant())), Await.DEFAULT,
                () -> "still waiting: " + timekeeper.waiting());

        assertThat(watched).as("what the watch scheduled for the open complaint").contains(WatchPromise.ALERT,
                WatchPromise.RESOLUTION_ALERT, WatchPromise.STILL_ON_IT);
        chat.deliverPending().botSaysNothingMore();
        assertThat(engine.gateway().deliveredTo(STAFF_GROUP)).as("no ping about a resolved complaint").isEmpty();
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().kind()).as("only the survey is left")
                .containsExactlyInAnyOrder(ScheduleSurvey.SURVEY, ScheduleSurvey.REMINDER);
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'skipped'"))
                .as("each alert and the still-on-it, recorded as skipped").isEqualTo(watched.size());
    }
}
