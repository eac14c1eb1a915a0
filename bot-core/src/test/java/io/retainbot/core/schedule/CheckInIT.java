package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.CheckIn;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.NoteSkippedCheckIn;
import io.retainbot.core.reaction.PlanCheckIns;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.ScheduleCheckIn;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.ReopenComplaint;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.Sales;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeping in touch after the sale: a purchase brings check-ins 3 and 30 days later, a resolved complaint
 * one 7 days later, at 10:00 in the customer's own time zone; quiet hours and the frequency cap move them
 * later, never lose them; the answer lands on the customer file, "I have a problem" files a complaint;
 * with two instances each check-in is sent once.
 */
class CheckInIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** The shop is in Seoul; it is Monday 30 November 2026, 15:00 there. */
    private static final BusinessConfig SEOUL_SHOP = inSeoul(BusinessConfig.defaults());

    private final MutableClock clock = MutableClock.at("2026-11-30T06:00:00Z");
    private final List<Timekeeper> timekeepers = new ArrayList<>();
    private EngineFixture engine;
    private ReactionRelay relay;
    /** The timetable the reactions schedule check-ins in, made of the first instance's timekeeper. */
    private java.util.function.Function<Timekeeper, DueEvents> timetable = timekeeper -> timekeeper;
    private Sales sales;
    private ComplaintCare care;

    private void start(CheckIns checkIns, BusinessConfig business, int instances) {
        db.truncateAll();
        Timekeeper first = timekeeper("test-1");
        Reactions reactions = Reactions.of(new PlanCheckIns(checkIns, business.zone()),
                new ScheduleCheckIn(timetable.apply(first)), new NoteSkippedCheckIn());
        engine = EngineFixture.withReactions(db, clock, business, reactions, BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        sales = new Sales(engine.transactor(), reactions, Stages.DEFAULT, clock, () -> { });
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), business, clock,
                () -> { }));
        first.start(engine.engine()::acceptDue, retention(), RetentionPolicy.DEFAULT);
        for (int instance = 2; instance <= instances; instance++) {
            EngineFixture other = EngineFixture.withReactions(db, clock, business, reactions, BotContactPolicy.DEFAULT);
            timekeeper("test-" + instance).start(other.engine()::acceptDue, retention(), RetentionPolicy.DEFAULT);
        }
    }

    private Timekeeper timekeeper(String name) {
        Timekeeper timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings(name,
                Duration.ofMillis(200), 2));
        timekeepers.add(timekeeper);
        return timekeeper;
    }

    private Retention retention() {
        return new Retention(db.database().housekeeping(), RetentionPolicy.DEFAULT, clock);
    }

    @AfterEach
    void tearDown() {
        timekeepers.forEach(Timekeeper::close);
        timekeepers.clear();
    }

    private void passTimeUntil(String instant) {
        clock.set(Instant.parse(instant));
        timekeepers.forEach(Timekeeper::checkNow);
        Await.until(() -> timekeepers.get(0).waiting().stream()
                        .noneMatch(waiting -> waiting.running() || !waiting.runsAt().isAfter(clock.instant())),
                Await.DEFAULT, () -> "still waiting: " + timekeepers.get(0).waiting());
    }

    private ChatTranscript customer(String userId, String language) {
        return engine.chat(userId, "Mina", language).user("/start").skipUnread().pressData("consent:no").skipUnread();
    }

    private long idOf(String userId) {
        return engine.customerOf(userId).id();
    }

    private void bought(String userId, String product, String day) {
        assertThat(sales.recordPurchase(new NewPurchase(idOf(userId), product, LocalDate.parse(day), null, null, null)))
                .isInstanceOf(Sales.Recorded.Done.class);
        relay.runDue();
    }

    private Map<String, Object> checkIn(String cadence) {
        return db.row("select status, answer, sent_at, skip_reason from check_in where cadence = '" + cadence + "'");
    }

    @Test
    void aPurchaseIsFollowedUpThreeAndThirtyDaysLaterAcrossTheMonthEndAndTheAnswerIsKept() {
        start(CheckIns.DEFAULT, SEOUL_SHOP, 1);
        ChatTranscript chat = customer("1001", "en");
        bought("1001", "Kettle K2", "2026-11-29");
        assertThat(timekeepers.get(0).waiting()).extracting(waiting -> waiting.event().id()).containsExactlyInAnyOrder(
                "checkin:purchase-3d:" + purchaseId(), "checkin:purchase-30d:" + purchaseId());

        passTimeUntil("2026-12-02T00:59:00Z");
        chat.deliverPending().botSaysNothingMore();
        passTimeUntil("2026-12-02T01:00:00Z");
        chat.deliverPending()
                .botAsks("Hello from RetainBot Demo Shop. A few days ago you bought Kettle K2. Has everything arrived, "
                        + "and does it work as it should?", "All good", "I have a problem", "Not now")
                .press("All good")
                .botSaysContaining("Thank you, we are glad to hear it.");
        assertThat(checkIn("purchase-3d")).containsEntry("status", "answered").containsEntry("answer", "all_good");

        passTimeUntil("2026-12-29T01:00:00Z");
        chat.deliverPending()
                .botAsks("You have had Kettle K2 for about a month now. How is it going?", "All good", "I have a problem",
                        "Not now")
                .press("Not now")
                .botSaysContaining("Of course. Whenever you need RetainBot Demo Shop, just write here.");
        assertThat(checkIn("purchase-30d")).containsEntry("answer", "not_now");
        chat.pressData("checkin:good:" + db.count("select id from check_in where cadence = 'purchase-30d'"))
                .skipUnread();
        assertThat(checkIn("purchase-30d")).as("answered once").containsEntry("answer", "not_now");
    }

    @Test
    void iHaveAProblemGoesStraightIntoComplaintIntakeAndFilesAComplaintKeptOnTheCheckIn() {
        start(CheckIns.DEFAULT, SEOUL_SHOP, 1);
        ChatTranscript chat = customer("1002", "en");
        bought("1002", "Kettle K2", "2026-11-29");
        passTimeUntil("2026-12-02T01:00:00Z");

        chat.deliverPending().skipUnread()
                .press("I have a problem")
                .botAsks("I am sorry something went wrong. What is it about?", "Delivery", "Product", "Service", "Billing",
                        "Other")
                .press("Product")
                .botSaysContaining("Please describe what happened (Product)")
                .user("The kettle switches itself off after ten seconds.")
                .botAsks("order or reference number", "Skip")
                .press("Skip").skipUnread()
                .press("Continue without").skipUnread()
                .press("Send complaint")
                .botSaysMatching("Thank you\\. Your complaint is registered under reference C-\\d+\\. .*");

        assertThat(checkIn("purchase-3d")).containsEntry("answer", "problem");
        Complaint filed = engine.complaintsOf("1002").get(0);
        assertThat(engine.complaintsOf("1002")).singleElement()
                .satisfies(complaint -> assertThat(complaint.description()).contains("switches itself off"));
        assertThat(db.count("select complaint_id from check_in where cadence = 'purchase-3d'")).isEqualTo(filed.id());
        long customerId = engine.customerOf("1002").id();
        List<CheckIn> onFile = engine.transactor().inTransaction(session -> session.checkIns().ofCustomer(customerId, 10));
        assertThat(onFile).filteredOn(checkIn -> checkIn.cadence().equals("purchase-3d")).singleElement()
                .satisfies(checkIn -> assertThat(checkIn.complaint()).isEqualTo(filed.ref()));

        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user("And the box was dented when it came.").skipUnread()
                .press("Skip").skipUnread().press("Continue without").skipUnread().press("Send complaint").skipUnread();
        assertThat(engine.complaintsOf("1002")).hasSize(2);
        assertThat(db.count("select complaint_id from check_in where cadence = 'purchase-3d'"))
                .as("a complaint filed otherwise is not the check-in's").isEqualTo(filed.id());
        assertThat(db.count("select count(*) from check_in where complaint_id is not null")).isEqualTo(1);
    }

    @Test
    void aCheckInComesAtTenInTheCustomersOwnTimeZoneInKoreanAndTagalogInTheirTone() {
        start(CheckIns.DEFAULT, SEOUL_SHOP, 1);
        ChatTranscript korean = customer("2001", "ko");
        ChatTranscript tagalog = customer("2002", "tl");
        engine.transactor().runInTransaction(session -> session.customers().update(idOf("2002"),
                engine.customerOf("2002").profile().toBuilder().zone(ZoneId.of("Asia/Manila")).tone(Tone.FRIENDLY)
                        .build(), clock.instant()));
        bought("2001", "전기포트", "2026-11-29");
        bought("2002", "Kettle K2", "2026-11-29");

        passTimeUntil("2026-12-02T01:00:00Z");
        korean.deliverPending().botAsks("며칠 전에 전기포트를 구매해 주셨습니다.", "모두 괜찮습니다", "문제가 있습니다",
                "나중에 답하겠습니다").press("모두 괜찮습니다").botSaysContaining("감사합니다.");
        tagalog.deliverPending().botSaysNothingMore();

        passTimeUntil("2026-12-02T02:00:00Z");
        tagalog.deliverPending().botAsks("Nakuha mo ang Kettle K2 ilang araw na ang nakalipas.", "Okay lahat!",
                "May problema ako", "Mamaya na lang").press("Okay lahat!").botSaysContaining("salamat!");
        assertThat(db.count("select count(*) from check_in where answer = 'all_good'")).isEqualTo(2);
    }

    @Test
    void quietHoursHoldACheckInUntilMorningAndTheFrequencyCapMovesTheNextOne() {
        CheckInCadence evening = new CheckInCadence("evening", CheckInCadence.After.PURCHASE, 3, LocalTime.of(22, 0),
                "checkin.arrived");
        start(new CheckIns(List.of(evening)), SEOUL_SHOP, 1);
        ChatTranscript chat = customer("3001", "en");
        bought("3001", "Kettle K2", "2026-11-29");
        bought("3001", "Tea cups", "2026-11-30");

        passTimeUntil("2026-12-02T13:00:00Z");
        chat.deliverPending().botSaysNothingMore();
        passTimeUntil("2026-12-03T00:00:00Z");
        chat.deliverPending().botAsks("you bought Kettle K2", "All good", "I have a problem", "Not now");

        passTimeUntil("2026-12-03T13:00:00Z");
        passTimeUntil("2026-12-05T23:59:00Z");
        chat.deliverPending().botSaysNothingMore();
        passTimeUntil("2026-12-06T00:00:00Z");
        chat.deliverPending().botAsks("you bought Tea cups", "All good", "I have a problem", "Not now");
        assertThat(db.count("select count(*) from check_in where status = 'sent'")).isEqualTo(2);
    }

    @Test
    void aResolvedComplaintIsCheckedOnAWeekLaterUnlessItWasReopened() {
        start(CheckIns.DEFAULT, SEOUL_SHOP, 1);
        ChatTranscript mina = customer("4001", "en");
        ChatTranscript jon = customer("4002", "en");
        ComplaintRef minas = file(mina, "4001");
        ComplaintRef jons = file(jon, "4002");
        care.resolve(new ResolveComplaint(minas, Actor.admin(), "Replaced."));
        care.resolve(new ResolveComplaint(jons, Actor.admin(), "Refunded."));
        relay.runDue();
        care.reopen(new ReopenComplaint(jons, Actor.admin(), "It broke again."));
        relay.runDue();
        mina.deliverPending().skipUnread();
        jon.deliverPending().skipUnread();

        passTimeUntil("2026-12-07T01:00:00Z");
        mina.deliverPending().botAsks("Your complaint " + minas + " was resolved a few days ago. Is everything still fine?",
                "All good", "I have a problem", "Not now");
        jon.deliverPending().botSaysNothingMore();
        relay.runDue();
        assertThat(db.row("select status, skip_reason from check_in where about_id = "
                + engine.complaintsOf("4002").get(0).id())).containsEntry("status", "skipped")
                .containsEntry("skip_reason", "it no longer applies");
    }

    /**
     * The relay ran late: by the time the purchase's check-ins are planned, the first one's time has come, so it
     * falls due the moment it is scheduled. The timetable here waits until such an event was handled before it
     * returns, as a scheduler thread quicker than the planning's commit would: the check-in must still be asked.
     */
    @Test
    void aCheckInWhoseTimeCameBeforeItWasPlannedIsAskedOnceItsRowIsCommitted() {
        timetable = timekeeper -> event -> {
            boolean scheduled = timekeeper.schedule(event);
            Await.until(() -> timekeeper.waiting().stream().noneMatch(waiting -> waiting.event().id().equals(event.id())
                            && (waiting.running() || !waiting.runsAt().isAfter(clock.instant()))),
                    Await.DEFAULT, () -> event.id() + " still waiting: " + timekeeper.waiting());
            return scheduled;
        };
        start(CheckIns.DEFAULT, SEOUL_SHOP, 1);
        ChatTranscript chat = customer("6001", "en");
        assertThat(sales.recordPurchase(new NewPurchase(idOf("6001"), "Kettle K2", LocalDate.parse("2026-11-29"), null,
                null, null))).isInstanceOf(Sales.Recorded.Done.class);

        clock.set(Instant.parse("2026-12-02T01:00:00Z"));
        relay.runDue();

        chat.deliverPending().botAsks("you bought Kettle K2", "All good", "I have a problem", "Not now")
                .botSaysNothingMore();
        assertThat(checkIn("purchase-3d")).containsEntry("status", "sent");
        assertThat(checkIn("purchase-30d")).containsEntry("status", "planned");
    }

    @Test
    void twoInstancesSendEachCheckInOnce() {
        start(CheckIns.DEFAULT, SEOUL_SHOP, 2);
        ChatTranscript chat = customer("5001", "en");
        bought("5001", "Kettle K2", "2026-11-29");

        passTimeUntil("2026-12-02T01:00:00Z");
        chat.deliverPending().botAsks("you bought Kettle K2", "All good", "I have a problem", "Not now")
                .botSaysNothingMore();
        assertThat(db.count("select count(*) from outbox where dedupe_key like 'checkin:%'")).isEqualTo(1);
        assertThat(db.count("select count(*) from check_in where status = 'sent'")).isEqualTo(1);
    }

    private static BusinessConfig inSeoul(BusinessConfig shop) {
        return new BusinessConfig(shop.companyName(), ZoneId.of("Asia/Seoul"), shop.hours(), shop.holidays(),
                shop.categories(), shop.promise(), shop.referrals(), shop.templates(), shop.defaultTone());
    }

    private long purchaseId() {
        return db.count("select max(id) from purchase");
    }

    private ComplaintRef file(ChatTranscript chat, String userId) {
        chat.submitForm("complaint", Map.of("category", "delivery", "description", "The parcel never arrived."))
                .skipUnread();
        return engine.complaintsOf(userId).get(0).ref();
    }
}
