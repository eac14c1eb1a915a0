package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.ReviewDue;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.Reviews;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Account reviews by opportunity tier: who is due per owner, nearest first, with the tier the rule suggests
 * beside the one staff set (never changed by it); a review recorded from the staff chat; the weekly list in
 * the staff chat once per owner and week with two instances, its buttons (Held, Ask the bot, Later) pressed;
 * and the bot's questionnaire in Korean and Tagalog, whose answers land on the customer file as they are given
 * (an abandoned one keeps them, marked incomplete) and ping the owner when a complete one shows a need or a risk.
 */
class AccountReviewIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ChannelRef STAFF_CHAT = new ChannelRef(Platform.TELEGRAM, "-100777");

    private final MutableClock clock = MutableClock.at("2025-12-03T08:00:00Z");
    private final List<Timekeeper> timekeepers = new ArrayList<>();
    private EngineFixture engine;
    private StaffMember joon;
    private StaffMember ana;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        engine = EngineFixture.withStaffChat(db, clock, STAFF_CHAT, "en");
        joon = engine.staff("Joon", StaffRole.AGENT, "801");
        ana = engine.staff("Ana", StaffRole.AGENT, "802");
    }

    @AfterEach
    void tearDown() {
        timekeepers.forEach(Timekeeper::close);
        timekeepers.clear();
    }

    private Reviews reviews(AccountReviews settings, Timekeeper timetable) {
        StaffChats staffChats = new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of(STAFF_CHAT));
        return new Reviews(engine.transactor(), settings, BusinessConfig.defaults().zone(), staffChats, timetable, clock,
                () -> { });
    }

    private Timekeeper timekeeper(String name) {
        Timekeeper timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings(name,
                Duration.ofMillis(200), 2));
        timekeepers.add(timekeeper);
        return timekeeper;
    }

    /** A customer who became one on {@code since}, looked after by {@code owner}, of {@code tier}. */
    private long customer(String name, String since, StaffMember owner, OpportunityTier tier) {
        clock.set(Instant.parse(since + "T08:00:00Z"));
        return engine.transactor().inTransaction(session -> {
            long id = session.customers().create(CustomerProfile.named(name, "en"), clock.instant()).id();
            session.customers().update(id, CustomerProfile.named(name, "en").toBuilder()
                    .responsibleStaffId(owner.id()).tier(tier).build(), clock.instant());
            return id;
        });
    }

    private void bought(long customerId, String... days) {
        for (String day : days) {
            db.count("insert into purchase (customer_id, product, purchased_on, source, created_at) values ("
                    + customerId + ", 'Kettle', '" + day + "', 'api', now()) returning id");
        }
    }

    @Test
    void theDueListShowsEachOwnersCustomersNearestFirstWithTheSuggestedTierAndAReviewFromChatMovesTheNextOne() {
        long kim = customer("Kim", "2025-12-03", joon, null);
        long mina = customer("Mina", "2026-01-10", joon, OpportunityTier.HIGH);
        long lee = customer("Lee", "2026-02-01", ana, OpportunityTier.LOW);
        long jon = customer("Jon", "2026-06-01", joon, OpportunityTier.MEDIUM);
        long park = customer("Park", "2026-08-15", ana, OpportunityTier.HIGH);
        bought(mina, "2026-10-01");
        bought(jon, "2026-03-01", "2026-07-01", "2026-09-01");
        clock.set(Instant.parse("2026-11-30T06:00:00Z"));
        Reviews reviews = reviews(AccountReviews.DEFAULT, timekeeper("test-1"));
        LocalDate week = LocalDate.parse("2026-12-06");

        assertThat(reviews.due(joon.id(), week)).extracting(ReviewDue::customerId, ReviewDue::dueOn, ReviewDue::tier,
                        ReviewDue::suggestedTier)
                .containsExactly(tuple(mina, LocalDate.parse("2026-04-10"), OpportunityTier.HIGH, OpportunityTier.HIGH),
                        tuple(jon, LocalDate.parse("2026-12-01"), OpportunityTier.MEDIUM, OpportunityTier.MEDIUM),
                        tuple(kim, LocalDate.parse("2026-12-03"), null, OpportunityTier.LOW));
        assertThat(reviews.due(ana.id(), week)).extracting(ReviewDue::customerId).containsExactly(park);
        assertThat(reviews.due(ana.id(), LocalDate.parse("2027-02-01"))).extracting(ReviewDue::customerId)
                .containsExactly(park, lee);

        engine.inStaffChat(STAFF_CHAT, "801", "Joon")
                .user("/review #" + mina + " good Happy with the kettle next: offer the descaler in March")
                .botSaysContaining("Review of Mina (#" + mina + ") recorded: good.")
                .user("/review " + mina + " splendid")
                .botSaysContaining("Use: /review <customer number>")
                .user("/review 987654 good")
                .botSaysContaining("No customer #987654.");

        assertThat(reviews.due(joon.id(), week)).extracting(ReviewDue::customerId).containsExactly(jon, kim);
        assertThat(reviews.due(joon.id(), LocalDate.parse("2027-03-01"))).extracting(ReviewDue::customerId,
                ReviewDue::dueOn).contains(tuple(mina, LocalDate.parse("2027-02-28")));
        assertThat(reviews.reviews(mina).orElseThrow()).singleElement().satisfies(review -> {
            assertThat(review.staffId()).isEqualTo(joon.id());
            assertThat(review.notes()).isEqualTo("Happy with the kettle");
            assertThat(review.nextStep()).isEqualTo("offer the descaler in March");
        });
        assertThat(engine.transactor().inTransaction(session -> session.customers().find(kim).orElseThrow())
                .profile().tier()).as("a suggestion never changes the tier").isNull();
    }

    @Test
    void eachOwnerGetsTheWeeklyListInTheStaffChatOnceEvenWithTwoInstances() {
        long mina = customer("Mina", "2026-01-10", joon, OpportunityTier.HIGH);
        long park = customer("Park", "2026-08-15", ana, OpportunityTier.HIGH);
        clock.set(Instant.parse("2026-11-30T06:00:00Z"));
        for (String name : List.of("test-1", "test-2")) {
            Timekeeper timekeeper = timekeeper(name);
            Reviews reviews = reviews(AccountReviews.DEFAULT, timekeeper);
            AccountReviews settings = reviews.settings();
            timekeeper.weekly("review-lists", settings.listDay(), settings.listTime(), BusinessConfig.defaults().zone(),
                    reviews::postWeeklyLists);
            timekeeper.start(engine.engine()::acceptDue, new Retention(db.database().housekeeping(),
                    RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT);
        }
        ChatTranscript staff = engine.inStaffChat(STAFF_CHAT, "801", "Joon");

        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        timekeepers.forEach(Timekeeper::checkNow);
        Await.until(() -> db.count("select count(*) from outbox where dedupe_key like 'reviews:%'") == 2);
        staff.deliverPending();
        List<String> lists = staff.unread().stream().map(message -> message.text())
                .filter(text -> text.startsWith("Account reviews due")).toList();
        assertThat(lists).hasSize(2);
        assertThat(db.count("select count(*) from outbox where dedupe_key like 'review-item:%'"))
                .as("each listed customer once more, with buttons").isEqualTo(2);
        assertThat(staff.unread()).filteredOn(message -> !message.buttons().isEmpty())
                .as("no Ask the bot where the business does not let staff choose").hasSize(2)
                .allSatisfy(message -> assertThat(message.buttons().get(0)).extracting(button -> button.label())
                        .containsExactly("Held", "Later"));
        assertThat(lists).anySatisfy(text -> assertThat(text).startsWith("Account reviews due this week for Joon (1):")
                .contains("• Mina (#" + mina + "): due 2026-04-10, 234 days late; tier high, suggested low"));
        assertThat(lists).anySatisfy(text -> assertThat(text).startsWith("Account reviews due this week for Ana (1):")
                .contains("• Park (#" + park + "): due 2026-11-15, 15 days late"));

        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        timekeepers.forEach(Timekeeper::checkNow);
        Await.until(() -> db.count("select count(*) from outbox where dedupe_key like 'reviews:%'") == 4);
        assertThat(db.count("select count(*) from outbox where dedupe_key like 'reviews:2026-12-07:%'")).isEqualTo(2);
    }

    /** An engine whose staff chat presses the buttons of {@code settings}' weekly lists, and those lists. */
    private record WithButtons(EngineFixture engine, Reviews reviews) {
    }

    private WithButtons withButtons(AccountReviews settings, Timekeeper timekeeper) {
        Reviews[] made = new Reviews[1];
        EngineFixture fixture = EngineFixture.withReviewButtons(db, clock, STAFF_CHAT, "en", chats -> {
            made[0] = new Reviews(db.database().transactor(), settings, BusinessConfig.defaults().zone(), chats,
                    timekeeper, clock, () -> { });
            return made[0];
        });
        return new WithButtons(fixture, made[0]);
    }

    @Test
    void theWeeklyListsButtonsRecordAHeldReviewHaveTheBotAskAndPutAReviewOffAWeek() {
        long mina = customer("Mina", "2026-01-10", joon, OpportunityTier.HIGH);
        long lee = customer("Lee", "2026-06-01", joon, OpportunityTier.MEDIUM);
        long kim = customer("Kim", "2025-12-03", joon, null);
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        Timekeeper timekeeper = timekeeper("test-buttons");
        WithButtons onRequest = withButtons(AccountReviews.DEFAULT.askedOnRequest(), timekeeper);
        ChatTranscript staff = onRequest.engine().inStaffChat(STAFF_CHAT, "801", "Joon").skipUnread();

        assertThat(onRequest.reviews().postWeeklyLists()).isEqualTo(1);
        staff.deliverPending()
                .botSaysContaining("Account reviews due this week for Joon (3):", "or with the buttons")
                .botAsks("Mina (#" + mina + "): due 2026-04-10", "Held", "Ask the bot", "Later")
                .botAsks("Lee (#" + lee + "): due 2026-12-01", "Held", "Ask the bot", "Later")
                .botAsks("Kim (#" + kim + "): due 2026-12-03", "Held", "Ask the bot", "Later");

        staff.pressOn("Mina (#" + mina + ")", "Held")
                .botEdits("Mina (#" + mina + "): how did the review go?")
                .pressOn("Mina (#" + mina + ")", "Opportunity")
                .botEdits("Mina (#" + mina + "): review held by Joon, recorded as Opportunity.");
        assertThat(onRequest.reviews().reviews(mina).orElseThrow()).singleElement().satisfies(review -> {
            assertThat(review.outcome()).isEqualTo(io.retainbot.core.customer.AccountReview.Outcome.OPPORTUNITY);
            assertThat(review.staffId()).isEqualTo(joon.id());
        });

        staff.pressOn("Lee (#" + lee + ")", "Later")
                .botEdits("Lee (#" + lee + "): review put off until 2026-12-07 by Joon.");
        assertThat(onRequest.reviews().due(joon.id(), LocalDate.parse("2026-12-06"))).extracting(ReviewDue::customerId)
                .containsExactly(kim);
        assertThat(onRequest.reviews().due(joon.id(), LocalDate.parse("2026-12-07")))
                .extracting(ReviewDue::customerId, ReviewDue::dueOn)
                .containsExactly(tuple(kim, LocalDate.parse("2026-12-03")), tuple(lee, LocalDate.parse("2026-12-07")));

        staff.pressOn("Kim (#" + kim + ")", "Ask the bot")
                .botEdits("Kim (#" + kim + "): the bot asks the review questions now (chosen by Joon)")
                .pressData("staff:rv-ask:" + kim + ":2026-12-03")
                .botSaysContaining("Kim (#" + kim + "): the bot has asked the review questions for this review already.");
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().kind(),
                waiting -> waiting.event().customerId()).containsExactly(tuple(Reviews.QUESTIONNAIRE, kim));

        staff.pressData("staff:rv-held:987654").botSaysContaining("no longer")
                .pressData("staff:rv-outcome:" + kim + ":splendid").botSaysContaining("no longer");
        WithButtons never = withButtons(AccountReviews.DEFAULT, timekeeper);
        never.engine().inStaffChat(STAFF_CHAT, "801", "Joon").skipUnread()
                .send(new InboundEvent.ButtonPressed(STAFF_CHAT, new Sender("801", "Joon", "en"), "forged-ask",
                        clock.instant(), "staff:rv-ask:" + kim + ":2026-12-03", "555"))
                .botSaysContaining("The business file does not let the bot ask customers the review questions");
    }

    /** The press's transaction loses a race and runs again: its planning, committed at once, is still its own. */
    @Test
    void askTheBotPressedInATransactionThatRunsAgainStillSaysTheBotAsks() throws Exception {
        long kim = customer("Kim", "2025-12-03", joon, null);
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        Timekeeper timekeeper = timekeeper("test-ask-again");
        WithButtons onRequest = withButtons(AccountReviews.DEFAULT.askedOnRequest(), timekeeper);
        ChatTranscript staff = onRequest.engine().inStaffChat(STAFF_CHAT, "801", "Joon").skipUnread();
        onRequest.reviews().postWeeklyLists();
        staff.deliverPending().skipUnread();

        try (AutoCloseable conflict = db.conflictOnce("outbox", "insert", "new.chat_id = '" + STAFF_CHAT.chatId() + "'")) {
            staff.pressOn("Kim (#" + kim + ")", "Ask the bot")
                    .botEdits("Kim (#" + kim + "): the bot asks the review questions now (chosen by Joon)");
        }
        staff.pressData("staff:rv-ask:" + kim + ":2026-12-03")
                .botSaysContaining("Kim (#" + kim + "): the bot has asked the review questions for this review already.");
        assertThat(timekeeper.waiting()).extracting(waiting -> waiting.event().kind(),
                waiting -> waiting.event().customerId()).containsExactly(tuple(Reviews.QUESTIONNAIRE, kim));
    }

    @Test
    void anAbandonedQuestionnaireKeepsTheAnswersGivenSoFarWithoutAPingAndFinishingLaterCompletesIt() {
        clock.set(Instant.parse("2025-11-02T08:00:00Z"));
        ChatTranscript korean = engine.chat("3101", "Minji", "ko").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        ChatTranscript tagalog = engine.chat("3102", "Maria", "tl").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        for (String userId : List.of("3101", "3102")) {
            long id = engine.customerOf(userId).id();
            engine.transactor().runInTransaction(session -> session.customers().update(id, engine.customerOf(userId)
                    .profile().toBuilder().responsibleStaffId(joon.id()).tier(OpportunityTier.MEDIUM)
                    .tone(userId.equals("3102") ? io.retainbot.core.customer.Tone.FRIENDLY
                            : io.retainbot.core.customer.Tone.FORMAL).build(), clock.instant()));
        }
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        Timekeeper timekeeper = timekeeper("test-partial");
        Reviews reviews = reviews(AccountReviews.DEFAULT.withAskCustomer(true), timekeeper);
        timekeeper.start(engine.engine()::acceptDue, new Retention(db.database().housekeeping(),
                RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT);
        ChatTranscript staff = engine.inStaffChat(STAFF_CHAT, "801", "Joon");
        reviews.postWeeklyLists();
        timekeeper.checkNow();
        Await.until(() -> db.count("select count(*) from inbox where platform = 'schedule'") == 2);
        staff.deliverPending().skipUnread();
        long minji = engine.customerOf("3101").id();
        long maria = engine.customerOf("3102").id();

        korean.deliverPending()
                .botAsks("전반적으로 얼마나 만족하십니까?", "1", "2", "3", "4", "5")
                .press("1")
                .botAsks("어떤 점을 가장 중요하게 여기십니까?", "건너뛰기")
                .user("친절한 직원")
                .botAsks("다른 필요한 것이 있으십니까?", "지금은 없습니다")
                .user("/complaint").skipUnread();
        assertThat(reviews.reviews(minji).orElseThrow()).singleElement().satisfies(review -> {
            assertThat(review.complete()).isFalse();
            assertThat(review.satisfaction()).isEqualTo(1);
            assertThat(review.valuesMost()).isEqualTo("친절한 직원");
            assertThat(review.needs()).isEmpty();
        });
        staff.deliverPending().botSaysNothingMore();
        assertThat(reviews.due(joon.id(), LocalDate.parse("2026-12-06"))).extracting(ReviewDue::customerId)
                .as("answered in part: reviewed for now").containsExactly(maria);

        tagalog.deliverPending().botAsks("Gaano ka nasisiyahan sa", "1", "2", "3", "4", "5").press("5");
        assertThat(reviews.reviews(maria).orElseThrow()).singleElement()
                .satisfies(review -> assertThat(review.complete()).isFalse());
        clock.advance(Duration.ofDays(2));
        tagalog.skipUnread()
                .press("Laktawan")
                .botAsks("May iba ka pa bang kailangan", "Wala sa ngayon")
                .user("Isang bagong kettle")
                .botAsks("tumingin ka ba kamakailan sa ibang provider", "Hindi", "Oo, tumingin ako")
                .press("Hindi")
                .botSaysContaining("Salamat sa mga sagot mo!");
        assertThat(reviews.reviews(maria).orElseThrow()).singleElement().satisfies(review -> {
            assertThat(review.complete()).isTrue();
            assertThat(review.satisfaction()).isEqualTo(5);
            assertThat(review.needs()).isEqualTo("Isang bagong kettle");
            assertThat(review.reviewedAt()).isEqualTo(clock.instant());
        });
        staff.deliverPending().botSaysContaining("Joon: Maria (#" + maria + ")", "Satisfaction 5/5.",
                "Needs: Isang bagong kettle.").botSaysNothingMore();
    }

    @Test
    void theBotAsksTheReviewQuestionsInKoreanAndTagalogAndANeedOrARiskPingsTheOwner() {
        clock.set(Instant.parse("2025-11-02T08:00:00Z"));
        ChatTranscript korean = engine.chat("3001", "Minji", "ko").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        ChatTranscript tagalog = engine.chat("3002", "Maria", "tl").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        for (String userId : List.of("3001", "3002")) {
            long id = engine.customerOf(userId).id();
            engine.transactor().runInTransaction(session -> session.customers().update(id, engine.customerOf(userId)
                    .profile().toBuilder().responsibleStaffId(joon.id()).tier(OpportunityTier.MEDIUM)
                    .tone(userId.equals("3002") ? io.retainbot.core.customer.Tone.FRIENDLY
                            : io.retainbot.core.customer.Tone.FORMAL).build(), clock.instant()));
        }
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        Timekeeper timekeeper = timekeeper("test-questionnaire");
        Reviews reviews = reviews(AccountReviews.DEFAULT.withAskCustomer(true), timekeeper);
        timekeeper.start(engine.engine()::acceptDue, new Retention(db.database().housekeeping(),
                RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT);
        ChatTranscript staff = engine.inStaffChat(STAFF_CHAT, "801", "Joon");

        assertThat(reviews.postWeeklyLists()).isEqualTo(1);
        // the questionnaires are due at once: scheduling them wakes the poller
        Await.until(() -> db.count("select count(*) from inbox where platform = 'schedule'") == 2, Await.DEFAULT,
                () -> "still waiting: " + timekeeper.waiting() + " conversations: "
                        + db.row("select string_agg(flow || '/' || state, ',') as flows from conversation"));
        staff.deliverPending().skipUnread();

        korean.deliverPending()
                .botAsks("전반적으로 얼마나 만족하십니까?", "1", "2", "3", "4", "5")
                .press("4")
                .botAsks("어떤 점을 가장 중요하게 여기십니까?", "건너뛰기")
                .user("빠른 배송")
                .botAsks("다른 필요한 것이 있으십니까?", "지금은 없습니다")
                .user("커피 머신도 필요합니다")
                .botAsks("다른 업체를 알아보신 적이 있으십니까?", "아니요, 없습니다", "네, 알아봤습니다")
                .press("아니요, 없습니다")
                .botSaysContaining("답변해 주셔서 감사합니다.");
        tagalog.deliverPending()
                .botAsks("Gaano ka nasisiyahan sa", "1", "2", "3", "4", "5")
                .user("2")
                .botAsks("Ano ang pinakagusto mo", "Laktawan")
                .press("Laktawan")
                .botAsks("May iba ka pa bang kailangan", "Wala sa ngayon")
                .press("Wala sa ngayon")
                .botAsks("tumingin ka ba kamakailan sa ibang provider", "Hindi", "Oo, tumingin ako")
                .user("FastBrew, mas mura")
                .botSaysContaining("Salamat sa mga sagot mo!");

        staff.deliverPending()
                .botSaysContaining("Joon: Minji (#", "Satisfaction 4/5.", "Values most: 빠른 배송.",
                        "Needs: 커피 머신도 필요합니다.", "Other providers: -.")
                .botSaysContaining("Joon: Maria (#", "Satisfaction 2/5.", "Values most: -.", "Needs: -.",
                        "Other providers: FastBrew, mas mura.");
        assertThat(reviews.reviews(engine.customerOf("3001").id()).orElseThrow()).singleElement()
                .satisfies(review -> assertThat(review.satisfaction()).isEqualTo(4));
        assertThat(reviews.due(joon.id(), LocalDate.parse("2026-12-06"))).as("answered: reviewed for now").isEmpty();

        reviews.postWeeklyLists();
        assertThat(db.count("select count(*) from inbox where platform = 'schedule'")).as("asked once").isEqualTo(2);
    }
}
