package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OwnerChanged;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.OwnershipStore.OwnerChange;
import io.retainbot.core.reaction.AssignOwner;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.OwnerRule;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.ClaimComplaint;
import io.retainbot.core.usecase.CareInputs.ReassignCustomer;
import io.retainbot.core.usecase.CareInputs.StaffLeaves;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who looks after each customer: set on the first complaint in turn, moved by hand, spread when someone leaves. */
class OwnershipIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();
    private static final Instant HIRED = Instant.parse("2026-11-01T00:00:00Z");

    private final Reactions reactions = Reactions.of(new AssignOwner(OwnerRule.ROUND_ROBIN));
    private EngineFixture engine;
    private ReactionRelay relay;
    private Ownership ownership;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T10:20:00Z"), reactions,
                BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, engine.clock());
        ownership = new Ownership(engine.transactor(), reactions, engine.clock(), () -> { });
    }

    private StaffMember staff(String name, StaffRole role, String... categories) {
        return engine.transactor().inTransaction(session -> {
            StaffMember added = session.staff().add(name, role, HIRED);
            session.staff().setCategories(added.id(), Set.of(categories));
            return session.staff().find(added.id()).orElseThrow();
        });
    }

    /** A customer files a complaint of the category in the chat; the reactions run; returns the customer id. */
    private long files(String userId, String category) {
        engine.chat(userId, "Customer " + userId, "en").user("/start").skipUnread().pressData("consent:no").skipUnread()
                .submitForm("complaint", Map.of("category", category, "description", "It went wrong.")).skipUnread();
        relay.runDue();
        return engine.customerOf(userId).id();
    }

    private Long ownerOf(long customerId) {
        return engine.transactor().inTransaction(session -> session.customers().find(customerId).orElseThrow())
                .profile().responsibleStaffId();
    }

    private boolean active(StaffMember staff) {
        return engine.transactor().inTransaction(session -> session.staff().find(staff.id()).orElseThrow()).active();
    }

    private List<OwnerChange> changes(long customerId) {
        return engine.transactor().inTransaction(session -> session.ownership().changes(customerId));
    }

    @Test
    void theFirstComplaintGivesTheCustomerTheNextAgentOfItsCategoryInTurn() {
        StaffMember ana = staff("Ana", StaffRole.AGENT, "delivery");
        StaffMember ben = staff("Ben", StaffRole.AGENT);
        StaffMember cho = staff("Cho", StaffRole.AGENT, "billing");
        staff("Dae", StaffRole.SUPERVISOR);

        long first = files("9001", "delivery");
        long second = files("9002", "delivery");
        long third = files("9003", "delivery");
        long billing = files("9004", "billing");

        assertThat(List.of(ownerOf(first), ownerOf(second), ownerOf(third))).containsExactly(ana.id(), ben.id(), ana.id());
        assertThat(ownerOf(billing)).as("Ben handles all categories but was given a customer already; Cho never was")
                .isEqualTo(cho.id());
        assertThat(changes(first)).singleElement().satisfies(change -> {
            assertThat(change.fromStaffId()).isNull();
            assertThat(change.toStaffId()).isEqualTo(ana.id());
            assertThat(change.changedByStaffId()).isNull();
            assertThat(change.reason()).isEqualTo(OwnerChanged.FIRST_COMPLAINT);
            assertThat(change.changedAt()).isEqualTo(engine.clock().instant());
        });
    }

    @Test
    void aCustomerWithAnOwnerKeepsThemOnTheNextComplaint() {
        StaffMember ana = staff("Ana", StaffRole.AGENT);
        staff("Ben", StaffRole.AGENT);
        long customer = files("9011", "product");
        engine.chat("9011", "Customer 9011", "en")
                .submitForm("complaint", Map.of("category", "product", "description", "Again.")).skipUnread();
        relay.runDue();

        assertThat(ownerOf(customer)).isEqualTo(ana.id());
        assertThat(changes(customer)).hasSize(1);
    }

    @Test
    void withoutAnActiveAgentTheCustomerWaitsForAnOwnerAndNothingBreaks() {
        staff("Dae", StaffRole.SUPERVISOR);
        long customer = files("9021", "service");

        assertThat(ownerOf(customer)).isNull();
        assertThat(changes(customer)).isEmpty();
    }

    @Test
    void reassigningOneCustomerRecordsWhoDecidedAndWhen() {
        StaffMember ana = staff("Ana", StaffRole.AGENT);
        StaffMember ben = staff("Ben", StaffRole.AGENT);
        StaffMember boss = staff("Dae", StaffRole.SUPERVISOR);
        long customer = files("9031", "delivery");
        engine.clock().advance(java.time.Duration.ofHours(2));

        OwnerResult result = ownership.reassign(new ReassignCustomer(customer, ben.id(), Actor.staff(boss.id())));

        assertThat(result).isEqualTo(new OwnerResult.Done(Map.of(customer, ben.id())));
        assertThat(changes(customer)).last().satisfies(change -> {
            assertThat(change.fromStaffId()).isEqualTo(ana.id());
            assertThat(change.toStaffId()).isEqualTo(ben.id());
            assertThat(change.changedByStaffId()).isEqualTo(boss.id());
            assertThat(change.reason()).isEqualTo(OwnerChanged.REASSIGNED);
            assertThat(change.changedAt()).isEqualTo(engine.clock().instant());
        });
        assertThat(ownership.reassign(new ReassignCustomer(customer, 9999, Actor.admin())))
                .isEqualTo(new OwnerResult.Refused(CareResult.Reason.UNKNOWN_STAFF, "no active staff member 9999"));
        assertThat(ownership.reassign(new ReassignCustomer(987654, ben.id(), Actor.admin())))
                .isEqualTo(new OwnerResult.Refused(CareResult.Reason.NOT_FOUND, "no customer 987654"));
    }

    @Test
    void aLeavingAgentsCustomersAreSpreadEvenlyAndTheirOpenComplaintsFollow() {
        StaffMember leaving = staff("Ana", StaffRole.AGENT);
        long[] customers = new long[7];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = files("904" + i, "delivery");
        }
        for (long customer : customers) {
            assertThat(ownerOf(customer)).isEqualTo(leaving.id());
        }
        ComplaintRef claimed = engine.complaintsOf("9040").get(0).ref();
        new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), BusinessConfig.defaults(), engine.clock(),
                () -> { })).claim(new ClaimComplaint(claimed, Actor.staff(leaving.id())));
        StaffMember ben = staff("Ben", StaffRole.AGENT);
        StaffMember cho = staff("Cho", StaffRole.AGENT);
        StaffMember dae = staff("Dae", StaffRole.AGENT);
        staff("Eve", StaffRole.SUPERVISOR);
        // Ben already looks after two customers: the spread evens the load out
        long benOwn1 = engine.transactor().inTransaction(session -> session.customers()
                .create(CustomerProfile.named("Own 1", "en"), HIRED).id());
        long benOwn2 = engine.transactor().inTransaction(session -> session.customers()
                .create(CustomerProfile.named("Own 2", "en"), HIRED).id());
        ownership.reassign(new ReassignCustomer(benOwn1, ben.id(), Actor.admin()));
        ownership.reassign(new ReassignCustomer(benOwn2, ben.id(), Actor.admin()));

        OwnerResult result = ownership.staffLeaves(new StaffLeaves(leaving.id(), Actor.admin()));

        assertThat(result).isInstanceOf(OwnerResult.Done.class);
        Map<Long, Long> owners = ((OwnerResult.Done) result).owners();
        assertThat(owners).containsOnlyKeys(java.util.Arrays.stream(customers).boxed().toList());
        Map<Long, Long> perAgent = java.util.stream.Stream.of(ben.id(), cho.id(), dae.id()).collect(Collectors.toMap(
                id -> id, id -> engine.transactor().inTransaction(session -> (long) session.ownership().customersOf(id)
                        .size())));
        assertThat(perAgent).as("2 + 7 customers over three agents").containsEntry(ben.id(), 3L)
                .containsEntry(cho.id(), 3L).containsEntry(dae.id(), 3L);
        assertThat(active(leaving)).isFalse();
        assertThat(changes(customers[0])).last().satisfies(change -> {
            assertThat(change.fromStaffId()).isEqualTo(leaving.id());
            assertThat(change.reason()).isEqualTo(OwnerChanged.STAFF_LEFT);
        });
        Complaint moved = engine.transactor().inTransaction(session -> session.complaints().find(claimed).orElseThrow());
        assertThat(moved.assigneeStaffId()).isEqualTo(owners.get(customers[0]));
        List<String> kinds = engine.transactor().inTransaction(session -> session.events().ofCustomer(customers[0], 50))
                .stream().map(RecordedEvent::event).map(event -> event.kind()).toList();
        assertThat(kinds).contains(OwnerChanged.KIND, "complaint_reassigned");
    }

    @Test
    void nobodyLeavesCustomersBehindWhenThereIsNoAgentToTakeThem() {
        StaffMember only = staff("Ana", StaffRole.AGENT);
        long customer = files("9051", "delivery");

        OwnerResult result = ownership.staffLeaves(new StaffLeaves(only.id(), Actor.admin()));

        assertThat(result).isInstanceOfSatisfying(OwnerResult.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(CareResult.Reason.CONFLICT);
            assertThat(refused.message()).contains("no other active agent");
        });
        assertThat(ownerOf(customer)).isEqualTo(only.id());
        assertThat(active(only)).isTrue();
    }
}
