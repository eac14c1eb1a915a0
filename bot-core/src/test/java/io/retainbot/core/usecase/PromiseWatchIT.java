package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.AlertStages;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.DelayAnnounced;
import io.retainbot.core.complaint.PromiseAtRisk;
import io.retainbot.core.complaint.ResolutionAtRisk;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.feedback.HandoverOverdue;
import io.retainbot.core.flow.HandoverFlow;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.reaction.WatchPromise;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffIdentity;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.AnswerComplaint;
import io.retainbot.core.usecase.CareInputs.ClaimComplaint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A complaint filed in Seoul on Friday 16:00 (delivery: 18 hours' target, promised for Monday 10:00):
 * staff are warned at 50% and 80% of the opening time to the promise (Saturday 11:30 and 13:36, the
 * weekend's closed hours not counting) and at the promise; the customer hears "still on it" once when
 * the internal target passes unanswered.
 */
class PromiseWatchIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ChannelRef STAFF_GROUP = new ChannelRef(Platform.TELEGRAM, "-100777");
    private static final Instant HIRED = Instant.parse("2026-11-01T00:00:00Z");

    /** The timetable as a list: what the reaction scheduled. */
    private static final class Timetable implements DueEvents {
        final List<DueEvent> scheduled = new ArrayList<>();

        @Override
        public synchronized boolean schedule(DueEvent event) {
            if (scheduled.stream().anyMatch(existing -> existing.id().equals(event.id()))) {
                return false;
            }
            return scheduled.add(event);
        }

        DueEvent named(String id) {
            return scheduled.stream().filter(event -> event.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private final MutableClock clock = MutableClock.at(seoul("2026-11-27T16:00").toString());
    private final Timetable timetable = new Timetable();
    private EngineFixture engine;
    private ReactionRelay relay;
    private PromiseWatch watch;
    private ComplaintCare care;
    private BusinessConfig business;
    private Reactions reactions;

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }

    @BeforeEach
    void setUp() {
        db.truncateAll();
        BusinessConfig defaults = BusinessConfig.defaults();
        business = new BusinessConfig("Demo Shop", SEOUL, defaults.hours(), Set.of(LocalDate.of(2026, 12, 25)),
                defaults.categories(), defaults.promise(), defaults.referrals(), defaults.templates());
        reactions = Reactions.of(new WatchPromise(timetable, business, AlertStages.DEFAULT));
        engine = EngineFixture.withReactions(db, clock, business, reactions, BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, clock);
        watch = new PromiseWatch(engine.transactor(), reactions, Messages.builtIn(), business,
                new StaffChats(Messages.builtIn(), business, "en", List.of(STAFF_GROUP)), clock, () -> { });
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), business, clock, () -> { }));
    }

    private StaffMember staff(String name, StaffRole role, String telegramUser) {
        return engine.transactor().inTransaction(session -> {
            StaffMember added = session.staff().add(name, role, HIRED);
            session.staff().link(added.id(), new StaffIdentity(Platform.TELEGRAM, telegramUser, telegramUser));
            return added;
        });
    }

    /** Mina's chat past the greeting (consent declined), nothing unread. */
    private ChatTranscript minasChat(String userId) {
        return engine.chat(userId, "Mina", "en").user("/start").skipUnread().pressData("consent:no").skipUnread();
    }

    private ComplaintRef file(ChatTranscript chat, String userId) {
        chat.submitForm("complaint", Map.of("category", "delivery", "description", "The parcel never arrived."))
                .skipUnread();
        relay.runDue();
        return engine.complaintsOf(userId).get(0).ref();
    }

    private List<String> texts(ChannelRef chat) {
        return engine.gateway().deliveredTo(chat).stream().map(OutboundMessage::text).toList();
    }

    private List<PromiseAtRisk> alertsRecorded(String userId) {
        long customerId = engine.customerOf(userId).id();
        return engine.transactor().inTransaction(session -> session.events().ofCustomer(customerId, 50)).stream()
                .map(RecordedEvent::event).filter(PromiseAtRisk.class::isInstance).map(PromiseAtRisk.class::cast)
                .toList();
    }

    @Test
    void warnsTheStaffChatThenTheAssigneeThenSupervisorsAtStagesInOpeningTime() {
        ChatTranscript chat = minasChat("4001");
        ComplaintRef ref = file(chat, "4001");
        StaffMember joon = staff("Joon", StaffRole.AGENT, "5001");
        staff("Dae", StaffRole.SUPERVISOR, "5009");

        assertThat(timetable.scheduled).filteredOn(event -> !event.kind().equals(WatchPromise.RESOLUTION_ALERT))
                .extracting(DueEvent::id, DueEvent::dueAt).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alert:" + ref + ":50", seoul("2026-11-28T11:30")),
                org.assertj.core.groups.Tuple.tuple("alert:" + ref + ":80", seoul("2026-11-28T13:36")),
                org.assertj.core.groups.Tuple.tuple("alert:" + ref + ":100", seoul("2026-11-30T10:00")),
                org.assertj.core.groups.Tuple.tuple("still-on-it:" + ref, seoul("2026-11-28T10:00")));

        clock.set(seoul("2026-11-28T11:30"));
        assertThat(watch.alert(timetable.named("alert:" + ref + ":50"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        chat.deliverPending();
        assertThat(texts(STAFF_GROUP)).containsExactly("⏰ " + ref + " (Delivery, Mina) has no answer yet: 50% of the "
                + "time to the promise has passed. Promised by " + "November 30, 10:00" + ". Nobody has claimed it.");

        care.claim(new ClaimComplaint(ref, Actor.staff(joon.id())));
        clock.set(seoul("2026-11-28T13:36"));
        assertThat(watch.alert(timetable.named("alert:" + ref + ":80"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        clock.set(seoul("2026-11-30T10:00"));
        assertThat(watch.alert(timetable.named("alert:" + ref + ":100"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        assertThat(watch.alert(timetable.named("alert:" + ref + ":100"))).isEqualTo(PromiseWatch.Outcome.DUPLICATE);
        chat.deliverPending();

        assertThat(texts(STAFF_GROUP)).as("claimed: the staff chat is not warned again").hasSize(1);
        assertThat(texts(new ChannelRef(Platform.TELEGRAM, "5001"))).satisfiesExactly(
                first -> assertThat(first).contains("80% of the time to the promise has passed").endsWith("Joon."),
                second -> assertThat(second).startsWith("🚨 " + ref + " (Delivery, Mina) is due now"));
        assertThat(texts(new ChannelRef(Platform.TELEGRAM, "5009"))).singleElement().asString()
                .startsWith("🚨 " + ref);
        assertThat(alertsRecorded("4001")).extracting(PromiseAtRisk::stage, PromiseAtRisk::assigneeStaffId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50, null),
                        org.assertj.core.groups.Tuple.tuple(80, joon.id()),
                        org.assertj.core.groups.Tuple.tuple(100, joon.id()));
    }

    @Test
    void warnsBeforeTheResolutionTargetInOpeningTimeUntilTheComplaintIsResolved() {
        ChatTranscript chat = minasChat("4005");
        ComplaintRef ref = file(chat, "4005");
        StaffMember joon = staff("Joon", StaffRole.AGENT, "5001");
        staff("Dae", StaffRole.SUPERVISOR, "5009");
        // filed Friday 16:00; delivery's 27 opening hours: Fri 2, Sat 4, Mon 9, Tue 9, Wed 3 (Seoul, 09-18, Sat 10-14)
        Instant due = seoul("2026-12-02T12:00");
        assertThat(db.count("select count(*) from complaint where resolution_due_at = timestamptz '" + due + "'"))
                .isEqualTo(1);
        assertThat(timetable.scheduled).filteredOn(event -> event.kind().equals(WatchPromise.RESOLUTION_ALERT))
                .extracting(DueEvent::id, DueEvent::dueAt).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("resolution-alert:" + ref + ":50", seoul("2026-11-30T16:30")),
                        org.assertj.core.groups.Tuple.tuple("resolution-alert:" + ref + ":80", seoul("2026-12-01T15:36")),
                        org.assertj.core.groups.Tuple.tuple("resolution-alert:" + ref + ":100", due));
        care.claim(new ClaimComplaint(ref, Actor.staff(joon.id())));
        care.answer(new AnswerComplaint(ref, Actor.staff(joon.id()), "A new parcel is on its way."));
        chat.deliverPending().skipUnread();

        clock.set(seoul("2026-11-30T16:30"));
        assertThat(watch.alert(timetable.named("resolution-alert:" + ref + ":50"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        clock.set(due);
        assertThat(watch.alert(timetable.named("resolution-alert:" + ref + ":100"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        chat.deliverPending();

        assertThat(texts(STAFF_GROUP)).as("claimed: the assignee is warned, not the staff chat").isEmpty();
        assertThat(texts(new ChannelRef(Platform.TELEGRAM, "5001"))).containsExactly(
                "⏳ " + ref + " (Delivery, Mina) is not resolved yet: 50% of the time to its resolution target has "
                        + "passed. To be resolved by December 2, 12:00. Joon.",
                "🚨 " + ref + " (Delivery, Mina) should be resolved now and is not: its resolution target "
                        + "(December 2, 12:00) is being missed. Joon.");
        assertThat(texts(new ChannelRef(Platform.TELEGRAM, "5009"))).singleElement().asString().startsWith("🚨 " + ref);
        long customerId = engine.customerOf("4005").id();
        assertThat(engine.transactor().inTransaction(session -> session.events().ofCustomer(customerId, 50)).stream()
                .map(RecordedEvent::event).filter(ResolutionAtRisk.class::isInstance).map(ResolutionAtRisk.class::cast))
                .extracting(ResolutionAtRisk::stage, ResolutionAtRisk::dueAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50, due), org.assertj.core.groups.Tuple.tuple(100, due));

        care.resolve(new io.retainbot.core.usecase.CareInputs.ResolveComplaint(ref, Actor.staff(joon.id()), ""));
        assertThat(watch.alert(timetable.named("resolution-alert:" + ref + ":80")))
                .as("resolved: no more alerts").isEqualTo(PromiseWatch.Outcome.NOT_NEEDED);
    }

    private DueEvent overdueOf(String userId) {
        long customerId = engine.customerOf(userId).id();
        return timetable.scheduled.stream().filter(event -> event.kind().equals(WatchPromise.HANDOVER_OVERDUE)
                && event.customerId() == customerId).findFirst().orElseThrow();
    }

    @Test
    void aRequestForAPersonNobodyTookInTheHourRemindsStaffAndTellsTheCustomerHonestlyOnce() {
        ChatTranscript chat = minasChat("4006");
        staff("Dae", StaffRole.SUPERVISOR, "5009");
        chat.user("/human").skipUnread();
        relay.runDue();
        DueEvent overdue = overdueOf("4006");
        assertThat(overdue.dueAt()).as("an hour of opening time after Friday 16:00").isEqualTo(seoul("2026-11-27T17:00"));

        clock.set(seoul("2026-11-27T17:00"));
        assertThat(watch.alert(overdue)).isEqualTo(PromiseWatch.Outcome.ALERTED);
        assertThat(watch.alert(overdue)).isEqualTo(PromiseWatch.Outcome.DUPLICATE);
        chat.deliverPending();

        chat.botSaysContaining("I am sorry you are still waiting", "Demo Shop", "your request stays open")
                .botSaysNothingMore();
        String reminder = "Reminder: Mina has been waiting for a person since 16:00 and nobody has taken the request "
                + "yet. Press Take on the request to answer them.";
        assertThat(texts(STAFF_GROUP)).containsExactly(reminder);
        assertThat(texts(new ChannelRef(Platform.TELEGRAM, "5009"))).as("supervisors too").containsExactly(reminder);
        long customerId = engine.customerOf("4006").id();
        assertThat(engine.transactor().inTransaction(session -> session.events().ofCustomer(customerId, 50)).stream()
                .map(RecordedEvent::event).filter(HandoverOverdue.class::isInstance).map(HandoverOverdue.class::cast))
                .singleElement().satisfies(event -> assertThat(event.requestedAt()).isEqualTo(seoul("2026-11-27T16:00")));
    }

    @Test
    void aRequestCancelledInTimeNeedsNoReminderAndALateOneCountsOpeningTimeInKorean() {
        ChatTranscript cancelled = minasChat("4007");
        cancelled.user("/human").skipUnread().pressData(HandoverFlow.CANCEL).skipUnread();
        clock.set(seoul("2026-11-27T17:30"));
        ChatTranscript late = engine.chat("4008", "민아", "ko").user("/start").skipUnread().pressData("consent:no")
                .skipUnread().user("/human").skipUnread();
        relay.runDue();

        assertThat(watch.alert(overdueOf("4007"))).isEqualTo(PromiseWatch.Outcome.NOT_NEEDED);
        DueEvent overdue = overdueOf("4008");
        assertThat(overdue.dueAt()).as("half an hour on Friday, half an hour after Saturday's 10:00 opening")
                .isEqualTo(seoul("2026-11-28T10:30"));
        clock.set(overdue.dueAt());
        assertThat(watch.alert(overdue)).isEqualTo(PromiseWatch.Outcome.ALERTED);
        cancelled.deliverPending().botSaysNothingMore();
        late.deliverPending().botSaysContaining("기다리시게 해서 죄송합니다", "Demo Shop");
        assertThat(texts(STAFF_GROUP)).singleElement().asString().contains("민아", "17:30");
    }

    @Test
    void alertsAreInTheStaffLanguage() {
        PromiseWatch korean = new PromiseWatch(engine.transactor(), reactions, Messages.builtIn(), business,
                new StaffChats(Messages.builtIn(), business, "ko", List.of(STAFF_GROUP)), clock, () -> { });
        ChatTranscript chat = minasChat("4004");
        ComplaintRef ref = file(chat, "4004");

        clock.set(seoul("2026-11-28T11:30"));
        assertThat(korean.alert(timetable.named("alert:" + ref + ":50"))).isEqualTo(PromiseWatch.Outcome.ALERTED);
        chat.deliverPending();

        assertThat(texts(STAFF_GROUP)).singleElement().asString()
                .startsWith("⏰ " + ref + " (배송, Mina) 미답변: 약속 시각까지의 50% 경과.").endsWith("담당자 없음.");
    }

    @Test
    void anAnsweredComplaintNeedsNoAlertAndNoStillOnIt() {
        ChatTranscript chat = minasChat("4002");
        ComplaintRef ref = file(chat, "4002");
        clock.set(seoul("2026-11-28T09:30"));
        care.answer(new AnswerComplaint(ref, Actor.admin(), "A new parcel goes out on Monday morning."));
        chat.deliverPending().skipUnread();

        clock.set(seoul("2026-11-28T10:00"));
        assertThat(engine.engine().acceptDue(timetable.named("still-on-it:" + ref))).isInstanceOf(DueReceipt.Skipped.class);
        clock.set(seoul("2026-11-28T11:30"));
        assertThat(watch.alert(timetable.named("alert:" + ref + ":50"))).isEqualTo(PromiseWatch.Outcome.NOT_NEEDED);
        chat.deliverPending().botSaysNothingMore();
        assertThat(texts(STAFF_GROUP)).isEmpty();
        assertThat(alertsRecorded("4002")).isEmpty();
    }

    @Test
    void theCustomerHearsStillOnItOnceWhenTheTargetPassesUnanswered() {
        ChatTranscript chat = engine.chat("4003", "민아", "ko").user("/start").skipUnread().pressData("consent:no")
                .skipUnread();
        ComplaintRef ref = file(chat, "4003");

        clock.set(seoul("2026-11-28T10:00"));
        DueEvent stillOnIt = timetable.named("still-on-it:" + ref);
        assertThat(engine.engine().acceptDue(stillOnIt)).isInstanceOf(DueReceipt.Handled.class);
        assertThat(engine.engine().acceptDue(stillOnIt)).isInstanceOf(DueReceipt.Duplicate.class);

        chat.deliverPending().botSaysContaining("접수하신 " + ref + " 건은 Demo Shop에서 아직 처리하고 있습니다.", "늦어도 ",
                "까지 답변드리겠습니다.").botSaysNothingMore();
        long customerId = engine.customerOf("4003").id();
        assertThat(engine.transactor().inTransaction(session -> session.events().ofCustomer(customerId, 50)).stream()
                .map(RecordedEvent::event).filter(DelayAnnounced.class::isInstance).map(DelayAnnounced.class::cast))
                .singleElement().satisfies(delay -> assertThat(delay.expectedBy()).isEqualTo(seoul("2026-11-30T10:00")));
    }

    @Test
    void theEngineKnowsTheStillOnItKindByItsName() {
        assertThat(io.retainbot.core.flow.Dialogue.DELAY_NOTICE_KIND).isEqualTo(WatchPromise.STILL_ON_IT);
    }
}
