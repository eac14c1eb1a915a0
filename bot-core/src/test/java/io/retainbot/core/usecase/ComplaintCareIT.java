package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintClaimed;
import io.retainbot.core.complaint.ComplaintFiled;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintResolved;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.Reaction;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.AnswerComplaint;
import io.retainbot.core.usecase.CareInputs.ClaimComplaint;
import io.retainbot.core.usecase.CareInputs.OptOutCustomer;
import io.retainbot.core.usecase.CareInputs.ReassignComplaint;
import io.retainbot.core.usecase.CareInputs.ReferComplaint;
import io.retainbot.core.usecase.CareInputs.ReopenComplaint;
import io.retainbot.core.usecase.CareInputs.ResolveComplaint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff operations on complaints: the change, the customer told, the history and the domain event, together. */
class ComplaintCareIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** A reaction that only says it is interested in resolutions, so their deliveries can be counted. */
    private static final Reaction WATCH_RESOLUTIONS = new Reaction() {
        @Override
        public String name() {
            return "watch_resolutions";
        }

        @Override
        public boolean reactsTo(DomainEvent event) {
            return event instanceof ComplaintResolved;
        }

        @Override
        public void react(StoreSession session, RecordedEvent event, Instant now, Reactions reactions) {
        }
    };

    private final Reactions reactions = Reactions.of(WATCH_RESOLUTIONS);
    private EngineFixture engine;
    private ComplaintCare care;
    private StaffMember agent;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T06:20:00Z"), reactions, BotContactPolicy.DEFAULT);
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), BusinessConfig.defaults(),
                engine.clock(), () -> { }));
        agent = engine.transactor().inTransaction(session -> session.staff().add("Joon", StaffRole.AGENT,
                Instant.parse("2026-11-01T00:00:00Z")));
    }

    /** A customer past the greeting who just filed a complaint through the form; returns its reference. */
    private ComplaintRef file(ChatTranscript chat, String userId) {
        chat.submitForm("complaint", Map.of("category", "delivery", "description", "The parcel never arrived."))
                .skipUnread();
        return engine.complaintsOf(userId).get(0).ref();
    }

    private ChatTranscript customer(String userId, String language) {
        return engine.chat(userId, "Mina", language).user("/start").skipUnread().pressData("consent:no").skipUnread();
    }

    private Complaint complaint(ComplaintRef ref) {
        return engine.transactor().inTransaction(session -> session.complaints().find(ref).orElseThrow());
    }

    private List<RecordedEvent> events(ComplaintRef ref) {
        return engine.transactor().inTransaction(session ->
                session.events().ofComplaint(session.complaints().find(ref).orElseThrow().id(), 100));
    }

    @Test
    void claimingAssignsTheComplaintAndRecordsWhoTookIt() {
        ComplaintRef ref = file(customer("7001", "en"), "7001");

        CareResult result = care.claim(new ClaimComplaint(ref, Actor.staff(agent.id())));

        assertThat(result).isInstanceOf(CareResult.Done.class);
        Complaint claimed = complaint(ref);
        assertThat(claimed.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(claimed.assigneeStaffId()).isEqualTo(agent.id());
        assertThat(events(ref)).extracting(recorded -> recorded.event().kind())
                .containsExactly(ComplaintFiled.KIND, ComplaintClaimed.KIND);
        assertThat(((ComplaintClaimed) events(ref).get(1).event()).staffId()).isEqualTo(agent.id());
    }

    @Test
    void answeringSendsTheTextToTheCustomerInTheirLanguageAndKeepsItInTheHistory() {
        ChatTranscript chat = customer("7002", "ko");
        ComplaintRef ref = file(chat, "7002");

        care.answer(new AnswerComplaint(ref, Actor.staff(agent.id()), "내일 오전에 새 제품을 보내 드리겠습니다."));

        chat.deliverPending().botSays("접수하신 " + ref + " 건에 대해 RetainBot Demo Shop에서 답변드립니다:\n"
                + "내일 오전에 새 제품을 보내 드리겠습니다.");
        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        long complaintId = complaint(ref).id();
        List<ComplaintNote> notes = engine.transactor().inTransaction(session -> session.complaints().notes(complaintId));
        assertThat(notes).extracting(ComplaintNote::author, ComplaintNote::text, ComplaintNote::staffId)
                .as("the staff member who answered, kept with the note")
                .contains(org.assertj.core.groups.Tuple.tuple(ComplaintNote.Author.STAFF,
                        "내일 오전에 새 제품을 보내 드리겠습니다.", agent.id()));
    }

    @Test
    void resolvingTellsTheCustomerAndLeavesADeliveryForEveryInterestedReaction() {
        ChatTranscript chat = customer("7003", "en");
        ComplaintRef ref = file(chat, "7003");

        CareResult result = care.resolve(new ResolveComplaint(ref, Actor.admin(), "A new vase is on its way."));

        assertThat(((CareResult.Done) result).complaint().status()).isEqualTo(ComplaintStatus.RESOLVED);
        chat.deliverPending().botSaysContaining("Your complaint " + ref + " has been resolved: A new vase is on its way.");
        assertThat(db.count("select count(*) from domain_event_delivery where handler = 'watch_resolutions' "
                + "and status = 'pending'")).isEqualTo(1);
        assertThat(complaint(ref).closedAt()).isEqualTo(engine.clock().instant());
    }

    @Test
    void refusesToResolveTwiceOrToReopenAnOpenComplaintAndChangesNothing() {
        ComplaintRef ref = file(customer("7004", "en"), "7004");
        care.resolve(new ResolveComplaint(ref, Actor.admin(), ""));

        CareResult again = care.resolve(new ResolveComplaint(ref, Actor.admin(), ""));
        assertThat(again).isEqualTo(new CareResult.Refused(CareResult.Reason.CONFLICT,
                ref + " is resolved and cannot be resolved"));
        assertThat(care.reopen(new ReopenComplaint(ref, Actor.admin(), "customer called"))).isInstanceOf(CareResult.Done.class);
        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(care.reopen(new ReopenComplaint(ref, Actor.admin(), ""))).isInstanceOf(CareResult.Refused.class);
        assertThat(events(ref)).extracting(recorded -> recorded.event().kind())
                .containsExactly("complaint_filed", "complaint_resolved", "complaint_reopened");
    }

    @Test
    void referringClosesTheComplaintAsReferredWithAnHonestExplanation() {
        ChatTranscript chat = customer("7005", "tl");
        ComplaintRef ref = file(chat, "7005");

        care.refer(new ReferComplaint(ref, Actor.staff(agent.id()), "Ang FixIt Repairs (02 8123 4567) ang gumagawa nito."));

        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.REFERRED);
        chat.deliverPending().botSaysContaining("hindi po direktang matutulungan", "FixIt Repairs", "bumalik lang po");
    }

    @Test
    void reassignsOnlyToAnActiveStaffMember() {
        ComplaintRef ref = file(customer("7006", "en"), "7006");
        StaffMember other = engine.transactor().inTransaction(session -> session.staff().add("Ana", StaffRole.AGENT,
                Instant.parse("2026-11-01T00:00:00Z")));
        engine.transactor().runInTransaction(session -> session.staff().setActive(other.id(), false));

        assertThat(care.reassign(new ReassignComplaint(ref, Actor.admin(), other.id())))
                .isEqualTo(new CareResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member " + other.id()));
        assertThat(care.reassign(new ReassignComplaint(ref, Actor.admin(), agent.id()))).isInstanceOf(CareResult.Done.class);
        assertThat(complaint(ref).assigneeStaffId()).isEqualTo(agent.id());
    }

    @Test
    void refusesUnknownComplaintsAndUnknownActors() {
        ComplaintRef ref = file(customer("7007", "en"), "7007");

        assertThat(care.claim(new ClaimComplaint(new ComplaintRef(999_999), Actor.admin())))
                .isEqualTo(new CareResult.Refused(CareResult.Reason.NOT_FOUND, "no complaint C-999999"));
        assertThat(care.claim(new ClaimComplaint(ref, Actor.staff(424242))))
                .isEqualTo(new CareResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member 424242"));
        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.OPEN);
    }

    @Test
    void inputsValidateThemselves() {
        ComplaintRef ref = new ComplaintRef(1001);
        assertThatThrownBy(() -> new AnswerComplaint(ref, Actor.admin(), "   "))
                .hasMessage("text must not be empty");
        assertThatThrownBy(() -> new ReferComplaint(ref, Actor.admin(), "x".repeat(4001)))
                .hasMessage("explanation must be at most 4000 characters");
        assertThatThrownBy(() -> new ReassignComplaint(ref, Actor.admin(), 0))
                .hasMessage("staffId must be a staff member's id");
    }

    @Test
    void optingOutWithdrawsConsentAndRecordsIt() {
        customer("7008", "en");
        long customerId = engine.transactor().inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "7008").orElseThrow().id());
        CustomerCare customers = new CustomerCare(engine.transactor(), reactions, engine.clock(), () -> { });

        assertThat(customers.optOut(new OptOutCustomer(customerId, Actor.admin()))).isTrue();
        assertThat(customers.optOut(new OptOutCustomer(987_654, Actor.admin()))).isFalse();
        List<RecordedEvent> recorded = engine.transactor().inTransaction(session ->
                session.events().ofCustomer(customerId, 10));
        assertThat(recorded.get(recorded.size() - 1).event())
                .isEqualTo(new ConsentWithdrawn(customerId, "api", engine.clock().instant()));
    }

    @Test
    void aConsentingCustomerOptedOutByStaffCountsAsAnOptOutOnce() {
        engine.chat("7010", "Ana", "en").user("/start").skipUnread().pressData("consent:yes").skipUnread();
        long customerId = engine.transactor().inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "7010").orElseThrow().id());
        CustomerCare customers = new CustomerCare(engine.transactor(), reactions, engine.clock(), () -> { });

        assertThat(customers.optOut(new OptOutCustomer(customerId, Actor.staff(agent.id())))).isTrue();
        assertThat(customers.optOut(new OptOutCustomer(customerId, Actor.staff(agent.id())))).isTrue();

        assertThat(db.row("select customer_id, source from opt_out"))
                .containsEntry("customer_id", customerId).containsEntry("source", "staff " + agent.id());
        assertThat(db.count("select count(*) from opt_out")).as("the second time, consent was already withdrawn")
                .isEqualTo(1);
        Map<String, Long> exitReasons = engine.transactor().inTransaction(session -> session.optOuts().exitReasons());
        assertThat(exitReasons).containsEntry("unanswered", 1L);
    }

    @Test
    void theCustomerSideRecordsItsEventsToo() {
        ChatTranscript chat = customer("7009", "en");
        ComplaintRef ref = file(chat, "7009");
        chat.user("/stop").skipUnread();
        engine.clock().advance(Duration.ofMinutes(1));

        long customerId = complaint(ref).customerId();
        List<RecordedEvent> recorded = engine.transactor().inTransaction(session ->
                session.events().ofCustomer(customerId, 10));
        assertThat(recorded).extracting(event -> event.event().kind())
                .containsExactly("consent_withdrawn", "complaint_filed", "consent_withdrawn");
    }

    @Test
    void referringToABusinessTheStaffMemberWroteInTellsTheCustomerItsNameContactAndWhatItDoes() {
        ChatTranscript chat = customer("7010", "ko");
        ComplaintRef ref = file(chat, "7010");

        CareResult result = care.refer(new ReferComplaint(ref, Actor.staff(agent.id()), "", List.of(),
                List.of(new CareInputs.WrittenReferral("FixIt Repairs", "02 8123 4567", "small kitchen machines"))));

        assertThat(result).isInstanceOf(CareResult.Done.class);
        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.REFERRED);
        chat.deliverPending().botSaysContaining("FixIt Repairs", "02 8123 4567", "small kitchen machines");
        List<ComplaintNote> notes = engine.transactor().inTransaction(session ->
                session.complaints().notes(complaint(ref).id()));
        assertThat(notes).extracting(ComplaintNote::text).anySatisfy(text -> assertThat(text).contains("FixIt Repairs"));
        assertThatThrownBy(() -> new CareInputs.WrittenReferral("FixIt Repairs", " ", ""))
                .hasMessage("referral contact must not be empty");
        assertThatThrownBy(() -> new ReferComplaint(ref, Actor.admin(), " ", List.of(), List.of()))
                .hasMessage("explanation must not be empty");
    }

    @Test
    void anInternalNoteKeepsWhoWroteItAndIsNeverSentToTheCustomer() {
        ChatTranscript chat = customer("7011", "en");
        ComplaintRef ref = file(chat, "7011");

        CareResult result = care.note(new CareInputs.NoteComplaint(ref, Actor.staff(agent.id()),
                "Second parcel from this courier lost this week."));

        assertThat(result).isInstanceOf(CareResult.Done.class);
        List<ComplaintNote> notes = engine.transactor().inTransaction(session ->
                session.complaints().notes(complaint(ref).id()));
        ComplaintNote note = notes.get(notes.size() - 1);
        assertThat(note.author()).isEqualTo(ComplaintNote.Author.INTERNAL);
        assertThat(note.staffId()).isEqualTo(agent.id());
        assertThat(note.text()).isEqualTo("Second parcel from this courier lost this week.");
        assertThat(events(ref).get(events(ref).size() - 1).event()).isEqualTo(new io.retainbot.core.complaint
                .ComplaintNoted(complaint(ref).id(), ref, complaint(ref).customerId(), agent.id(),
                engine.clock().instant()));
        chat.deliverPending().botSaysNothingMore();
        assertThat(complaint(ref).status()).isEqualTo(ComplaintStatus.OPEN);
        assertThatThrownBy(() -> new CareInputs.NoteComplaint(ref, Actor.admin(), "from the API"))
                .hasMessage("staffId is required: an internal note names who wrote it");
    }

    @Test
    void consentGivenToStaffAndAMergeAreRecordedWithWhereAndWho() {
        customer("7012", "en");
        customer("7013", "en");
        long first = engine.transactor().inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "7012").orElseThrow().id());
        long second = engine.transactor().inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "7013").orElseThrow().id());
        CustomerCare customers = new CustomerCare(engine.transactor(), reactions, engine.clock(), () -> { });

        assertThat(customers.recordConsent(first, true, "console by Joon")).isTrue();
        assertThat(customers.recordConsent(987_654, true, "console by Joon")).isFalse();
        assertThat(customers.merge(first, second, Actor.staff(agent.id()))).hasValueSatisfying(merged -> {
            assertThat(merged.id()).isEqualTo(first);
            assertThat(merged.consent().granted()).isTrue();
            assertThat(merged.consent().source()).isEqualTo("console by Joon");
        });
        assertThat(customers.merge(first, second, Actor.staff(agent.id()))).as("the second is gone").isEmpty();
        assertThatThrownBy(() -> customers.merge(first, first, Actor.admin()))
                .isInstanceOf(IllegalArgumentException.class);
        List<RecordedEvent> recorded = engine.transactor().inTransaction(session ->
                session.events().ofCustomer(first, 20));
        assertThat(recorded).extracting(RecordedEvent::event)
                .contains(new io.retainbot.core.customer.ConsentGiven(first, "console by Joon", engine.clock().instant(),
                                true),
                        new io.retainbot.core.customer.CustomersMerged(first, second, agent.id(),
                                engine.clock().instant()));
        List<io.retainbot.core.customer.ChannelIdentity> identities = engine.transactor().inTransaction(session ->
                session.customers().identities(first));
        assertThat(identities).hasSize(2);
    }

    @Test
    void editsOfTheFileAreRecordedWithTheFieldsThatChangedAndWhoChangedThem() {
        customer("7014", "en");
        long customerId = engine.transactor().inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "7014").orElseThrow().id());
        CustomerFile file = new CustomerFile(engine.transactor(), reactions, engine.clock());

        file.edit(customerId, profile -> profile.phone("+63 917 555 0101").formOfAddress("Ms. Reyes"),
                Actor.staff(agent.id()));
        file.edit(customerId, profile -> profile.phone("+63 917 555 0101"), Actor.staff(agent.id()));
        file.tag(customerId, new io.retainbot.core.customer.Tag("vip"), true, Actor.staff(agent.id()));
        file.tag(customerId, new io.retainbot.core.customer.Tag("vip"), true, Actor.staff(agent.id()));
        file.tag(customerId, new io.retainbot.core.customer.Tag("vip"), false, Actor.admin());

        List<RecordedEvent> recorded = engine.transactor().inTransaction(session ->
                session.events().ofCustomer(customerId, 20));
        assertThat(recorded).extracting(RecordedEvent::event)
                .filteredOn(io.retainbot.core.customer.CustomerEdited.class::isInstance)
                .containsExactly(
                        new io.retainbot.core.customer.CustomerEdited(customerId, List.of("formOfAddress", "phone"),
                                agent.id(), engine.clock().instant()),
                        new io.retainbot.core.customer.CustomerEdited(customerId, List.of("tag +vip"), agent.id(),
                                engine.clock().instant()),
                        new io.retainbot.core.customer.CustomerEdited(customerId, List.of("tag -vip"), null,
                                engine.clock().instant()));
    }
}
