package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.event.ContactSkipped;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.ReopenOnLowScore;
import io.retainbot.core.reaction.ScheduleSurvey;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resolution schedules a survey; at its time it enters the engine as a due event and the bot asks
 * the customer in their chat, never interrupting them in the middle of another flow.
 */
class SurveyIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration SURVEY_DELAY = Duration.ofHours(1);
    private static final Duration REMINDER = Duration.ofHours(24);
    private static final BotContactPolicy WAIT = new BotContactPolicy(Duration.ofHours(2), Duration.ofMinutes(2));

    private final MutableClock clock = MutableClock.at("2026-11-23T06:20:00Z");
    private Timekeeper timekeeper;
    private EngineFixture engine;
    private ReactionRelay relay;
    private ComplaintCare care;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings("test-1", Duration.ofMillis(200), 2));
        Reactions reactions = Reactions.of(new ScheduleSurvey(timekeeper, SURVEY_DELAY, REMINDER), new ReopenOnLowScore(
                Messages.builtIn().in("en", io.retainbot.core.customer.Tone.FORMAL)));
        engine = EngineFixture.withReactions(db, clock, reactions, WAIT);
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), BusinessConfig.defaults(), clock,
                () -> { }));
        timekeeper.start(engine.engine()::acceptDue, new Retention(db.database().housekeeping(),
                RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        timekeeper.close();
    }

    private ChatTranscript customer(String userId, String language) {
        return engine.chat(userId, "Mina", language).user("/start").skipUnread().pressData("consent:no").skipUnread();
    }

    private ComplaintRef fileAndResolve(ChatTranscript chat, String userId) {
        chat.submitForm("complaint", Map.of("category", "delivery", "description", "The parcel never arrived."))
                .skipUnread();
        ComplaintRef ref = engine.complaintsOf(userId).get(0).ref();
        care.resolve(new ResolveComplaint(ref, Actor.admin(), ""));
        chat.deliverPending().skipUnread();
        relay.runDue();
        return ref;
    }

    /** Moves the clock, lets the scheduler look, and waits until the scheduled work is done with. */
    private void passTime(Duration duration) {
        clock.advance(duration);
        timekeeper.checkNow();
        Await.until(() -> timekeeper.waiting().stream()
                        .noneMatch(waiting -> waiting.running() || !waiting.runsAt().isAfter(clock.instant())),
                Await.DEFAULT, () -> "still waiting: " + timekeeper.waiting());
    }

    private OptionalInt effort(ComplaintRef ref) {
        long score = db.count("select coalesce(max(s.score), 0) from satisfaction_answer s join complaint c"
                + " on c.id = s.complaint_id where c.number = " + ref.number() + " and s.question = 'effort'");
        return score == 0 ? OptionalInt.empty() : OptionalInt.of((int) score);
    }

    private OptionalInt satisfaction(ComplaintRef ref) {
        return engine.transactor().inTransaction(session ->
                session.complaints().satisfaction(session.complaints().find(ref).orElseThrow().id()));
    }

    @Test
    void asksHowItWentAnHourAfterTheResolutionAndRecordsTheScore() {
        ChatTranscript chat = customer("8001", "en");
        ComplaintRef ref = fileAndResolve(chat, "8001");
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().id().replaceAll(":\\d+$", ""),
                        waiting -> Duration.between(clock.instant(), waiting.runsAt()))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("survey:" + ref, SURVEY_DELAY),
                        org.assertj.core.groups.Tuple.tuple("survey-reminder:" + ref, SURVEY_DELAY.plus(REMINDER)));

        passTime(Duration.ofMinutes(59));
        chat.deliverPending().botSaysNothingMore();

        passTime(Duration.ofMinutes(1));
        chat.deliverPending()
                .botAsks("Your complaint " + ref + " was resolved recently. How satisfied are you with how "
                        + "RetainBot Demo Shop handled it?", "1", "2", "3", "4", "5")
                .press("4")
                .botAsks("Thank you. And how easy was it to get this sorted out with RetainBot Demo Shop? Please "
                        + "choose from 1 (very hard) to 5 (very easy).", "1", "2", "3", "4", "5")
                .press("5")
                .botAsks("Is there anything you would like to add?", "No, thanks")
                .press("No, thanks")
                .botSaysContaining("Thank you for your answer.");
        assertThat(satisfaction(ref)).hasValue(4);
        assertThat(effort(ref)).hasValue(5);
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'handled'"))
                .isEqualTo(1);

        // answered: the reminder finds nothing to ask
        passTime(REMINDER);
        chat.deliverPending().botSaysNothingMore();
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'skipped'"))
                .isEqualTo(1);
    }

    @Test
    void asksInTheCustomersLanguageAndToneAndAcceptsATypedDigit() {
        ChatTranscript chat = engine.chat("8002", "민아", "ko").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        engine.transactor().runInTransaction(session -> {
            long id = session.customers().findByIdentity(io.retainbot.core.chat.Platform.TELEGRAM, "8002")
                    .orElseThrow().id();
            var customer = session.customers().find(id).orElseThrow();
            session.customers().update(id, customer.profile().toBuilder()
                    .tone(io.retainbot.core.customer.Tone.FRIENDLY).build(), clock.instant());
        });
        ComplaintRef ref = fileAndResolve(chat, "8002");

        passTime(SURVEY_DELAY);
        chat.deliverPending()
                .botSaysContaining("얼마 전에 접수하신 " + ref + " 건이 해결됐어요.")
                .user("아주 좋아요")
                .botSaysContaining("1부터 5까지 숫자 하나만 골라 주세요.")
                .botSaysContaining("얼마나 만족하셨어요?")
                .user("5")
                .botAsks("고마워요! RetainBot Demo Shop에서 이 문제를 해결하기까지 얼마나 수월했어요?", "1", "2", "3", "4", "5")
                .user("4")
                .botAsks("더 하고 싶은 말이 있어요?", "추가할 말 없음")
                .user("배송 기사님이 친절했어요.")
                .botSaysContaining("정말 고마워요!");
        assertThat(satisfaction(ref)).hasValue(5);
        assertThat(effort(ref)).hasValue(4);
        long complaintId = engine.complaintsOf("8002").get(0).id();
        List<io.retainbot.core.complaint.ComplaintNote> notes = engine.transactor().inTransaction(session ->
                session.complaints().notes(complaintId));
        assertThat(notes).extracting(note -> note.text()).contains("Survey comment: 배송 기사님이 친절했어요.");
    }

    @Test
    void waitsWhileTheCustomerIsFilingAnotherComplaintAndAsksWhenTheyAreDone() {
        ChatTranscript chat = customer("8003", "en");
        ComplaintRef ref = fileAndResolve(chat, "8003");
        chat.user("/complaint").skipUnread().press("Product").skipUnread();

        passTime(SURVEY_DELAY);
        chat.deliverPending().botSaysNothingMore();
        assertThat(timekeeper.waiting()).as("deferred, not dropped").hasSize(2);

        chat.user("The lid does not close at all, it is bent.").botAsks("order or reference number", "Skip")
                .press("Skip").botAsks("photos or files", "Continue without")
                .press("Continue without").skipUnread()
                .press("Send complaint").botSaysContaining("Your complaint is registered");

        passTime(WAIT.retryEvery());
        chat.deliverPending().botSaysContaining("Your complaint " + ref + " was resolved recently.");
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().id())
                .singleElement().asString().startsWith("survey-reminder:");
    }

    @Test
    void givesUpOnACustomerStillBusyAfterTheWaitAndRecordsWhy() {
        ChatTranscript chat = customer("8004", "tl");
        ComplaintRef ref = fileAndResolve(chat, "8004");
        chat.user("/complaint").skipUnread();

        passTime(SURVEY_DELAY);
        for (Duration waited = Duration.ZERO; waited.compareTo(WAIT.maxWait()) <= 0; waited = waited.plus(WAIT.retryEvery())) {
            passTime(WAIT.retryEvery());
        }

        chat.deliverPending().botSaysNothingMore();
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().id())
                .singleElement().asString().startsWith("survey-reminder:");
        long customerId = engine.complaintsOf("8004").get(0).customerId();
        List<RecordedEvent> events = engine.transactor().inTransaction(session ->
                session.events().ofCustomer(customerId, 20));
        assertThat(events.get(events.size() - 1).event()).isInstanceOfSatisfying(ContactSkipped.class, skipped -> {
            assertThat(skipped.dueEventId()).startsWith("survey:" + ref);
            assertThat(skipped.reason()).isEqualTo("the customer was busy in intake for longer than PT2H");
        });
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'skipped'"))
                .isEqualTo(1);
    }

    @Test
    void aLowScoreReopensTheComplaint() {
        ChatTranscript chat = customer("8005", "en");
        ComplaintRef ref = fileAndResolve(chat, "8005");

        passTime(SURVEY_DELAY);
        chat.deliverPending().skipUnread().press("2").botSaysContaining("how easy was it")
                .press("1").botSaysContaining("anything you would like to add")
                .user("Nobody called me back.").botSaysContaining("we are sorry it did not go well");
        relay.runDue();

        ComplaintStatus status = engine.transactor().inTransaction(session ->
                session.complaints().find(ref).orElseThrow().status());
        assertThat(status).isEqualTo(ComplaintStatus.OPEN);
    }

    @Test
    void doesNotAskAboutAComplaintThatWasReopenedMeanwhile() {
        ChatTranscript chat = customer("8006", "en");
        ComplaintRef ref = fileAndResolve(chat, "8006");
        care.reopen(new io.retainbot.core.usecase.CareInputs.ReopenComplaint(ref, Actor.admin(), "not fixed after all"));

        passTime(SURVEY_DELAY);
        chat.deliverPending().botSaysNothingMore();
        assertThat(db.count("select count(*) from inbox where platform = 'schedule' and outcome = 'skipped'"))
                .isEqualTo(1);
    }

    @Test
    void asksOnceAboutAComplaintResolvedAgainWithinTheSurveyDelay() {
        ChatTranscript chat = customer("8009", "en");
        ComplaintRef ref = fileAndResolve(chat, "8009");
        clock.advance(Duration.ofMinutes(10));
        care.reopen(new io.retainbot.core.usecase.CareInputs.ReopenComplaint(ref, Actor.admin(), "not fixed after all"));
        clock.advance(Duration.ofMinutes(10));
        care.resolve(new ResolveComplaint(ref, Actor.admin(), ""));
        chat.deliverPending().skipUnread();
        relay.runDue();

        passTime(SURVEY_DELAY.minusMinutes(20));
        chat.deliverPending().botSaysNothingMore();
        passTime(Duration.ofMinutes(20));
        chat.deliverPending().botSaysContaining("How satisfied are you").press("5")
                .botSaysContaining("how easy was it").press("5")
                .botAsks("Is there anything you would like to add?", "No, thanks").press("No, thanks")
                .botSaysContaining("Thank you for your answer.");
        passTime(REMINDER);

        chat.deliverPending().botSaysNothingMore();
        assertThat(satisfaction(ref)).hasValue(5);
        assertThat(timekeeper.waiting()).isEmpty();
    }

    @Test
    void remindsOnceWhenTheQuestionWentUnansweredThenNeverAgain() {
        ChatTranscript chat = customer("8007", "en");
        ComplaintRef ref = fileAndResolve(chat, "8007");
        passTime(SURVEY_DELAY);
        chat.deliverPending().botSaysContaining("How satisfied are you");

        passTime(REMINDER.minusMinutes(1));
        chat.deliverPending().botSaysNothingMore();
        passTime(Duration.ofMinutes(1));
        chat.deliverPending()
                .botAsks("A short reminder, and the only one: your complaint " + ref + " was resolved.",
                        "1", "2", "3", "4", "5");
        assertThat(timekeeper.waiting()).isEmpty();

        passTime(Duration.ofDays(30));
        chat.deliverPending().botSaysNothingMore();
        assertThat(satisfaction(ref)).isEmpty();
    }

    @Test
    void theReminderInKoreanCanStillBeAnswered() {
        ChatTranscript chat = customer("8008", "ko");
        ComplaintRef ref = fileAndResolve(chat, "8008");
        passTime(SURVEY_DELAY);
        chat.deliverPending().botSaysContaining("얼마나 만족하셨습니까?");
        passTime(REMINDER);

        chat.deliverPending().botSaysContaining("한 번만 다시 여쭙겠습니다. 접수하신 " + ref + " 건이 해결되었습니다.")
                .press("1").botSaysContaining("얼마나 수월하셨습니까?")
                .press("2").botAsks("더 남기실 말씀이 있으십니까?", "추가할 말 없음")
                .press("추가할 말 없음").botSaysContaining("만족스럽지 못하셨다니 죄송합니다");
        relay.runDue();
        assertThat(satisfaction(ref)).hasValue(1);
        assertThat(effort(ref)).hasValue(2);
        ComplaintStatus reopened = engine.transactor().inTransaction(session ->
                session.complaints().find(ref).orElseThrow().status());
        assertThat(reopened).isEqualTo(ComplaintStatus.OPEN);
    }
}
