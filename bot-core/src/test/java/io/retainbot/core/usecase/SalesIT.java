package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.customer.StageOwner;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.port.OwnershipStore;
import io.retainbot.core.reaction.MoveToAfterSales;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Purchases and stages: recorded, imported, a purchase or a complaint moving the customer to after-sales, the
 * stage's responsible staff taking the customer over, and staff setting a stage from the staff chat.
 */
class SalesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Stages STAGES = new Stages(List.of("lead", "offer", "customer", "care"), "care");

    private EngineFixture engine;
    private ReactionRelay relay;
    private Sales sales;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        Reactions reactions = Reactions.of(new MoveToAfterSales(STAGES));
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T06:20:00Z"), reactions,
                BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, engine.clock());
        sales = new Sales(engine.transactor(), reactions, STAGES, engine.clock(), () -> { });
    }

    private long customer(String userId) {
        engine.readyChat(userId, "Mina");
        return engine.customerOf(userId).id();
    }

    @Test
    void aPurchaseIsRecordedOnceAndMovesTheCustomerToAfterSales() {
        long mina = customer("1001");
        assertThat(sales.setStage(mina, "offer", Actor.admin())).isInstanceOf(Sales.StageSet.Changed.class);
        Sales.Recorded recorded = sales.recordPurchase(new NewPurchase(mina, "Kettle K2", LocalDate.parse("2026-11-20"),
                "ORD-1", new BigDecimal("39.90"), "usd"));
        assertThat(recorded).isInstanceOf(Sales.Recorded.Done.class);
        assertThat(((Sales.Recorded.Done) recorded).purchase().currency()).isEqualTo("USD");
        assertThat(sales.recordPurchase(new NewPurchase(mina, "Kettle K2", LocalDate.parse("2026-11-20"), "ORD-1",
                null, null))).isEqualTo(new Sales.Recorded.Duplicate("ORD-1"));
        relay.runDue();
        relay.runDue();

        Sales.StageView stage = sales.stage(mina).orElseThrow();
        assertThat(stage.stage()).isEqualTo("care");
        assertThat(stage.history()).extracting(StageChange::from, StageChange::to, StageChange::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "offer", "admin"),
                        org.assertj.core.groups.Tuple.tuple("offer", "care", "purchase"));
        assertThat(sales.purchases(mina).orElseThrow()).singleElement()
                .satisfies(purchase -> assertThat(purchase.amount()).isEqualByComparingTo("39.90"));
    }

    @Test
    void aComplaintMovesTheCustomerToAfterSalesOnce() {
        engine.readyChat("1002", "Jon").submitForm("complaint", java.util.Map.of("category", "delivery",
                "description", "The parcel never arrived at all.")).skipUnread();
        long jon = engine.customerOf("1002").id();
        relay.runDue();
        engine.chat("1002", "Jon", "en").submitForm("complaint", java.util.Map.of("category", "product",
                "description", "And the charger is missing too.")).skipUnread();
        relay.runDue();
        assertThat(sales.stage(jon).orElseThrow().history()).singleElement()
                .satisfies(change -> {
                    assertThat(change.to()).isEqualTo("care");
                    assertThat(change.cause()).isEqualTo("complaint");
                });
    }

    @Test
    void staffSetAStageAndItIsRecordedWithWhoChangedIt() {
        long mina = customer("1003");
        long agent = engine.transactor().inTransaction(session -> session.staff().add("Joon", StaffRole.AGENT,
                Instant.parse("2026-11-01T00:00:00Z"))).id();
        sales.setStage(mina, "lead", Actor.staff(agent));
        sales.setStage(mina, "lead", Actor.staff(agent));
        sales.setStage(mina, "customer", Actor.admin());
        assertThat(sales.stage(mina).orElseThrow().history())
                .extracting(StageChange::to, StageChange::cause, StageChange::staffId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lead", "staff", agent),
                        org.assertj.core.groups.Tuple.tuple("customer", "admin", null));
        assertThatThrownBy(() -> sales.setStage(mina, "negotiation", Actor.admin()))
                .hasMessageStartingWith("stage: \"negotiation\" is not a stage; the stages are lead, offer");
        assertThat(sales.setStage(mina, "lead", Actor.staff(99_999))).isEqualTo(new Sales.StageSet.UnknownStaff(99_999));
        assertThat(sales.setStage(99_999, "lead", Actor.admin())).isInstanceOf(Sales.StageSet.NoSuchCustomer.class);
    }

    /** Sales staff (marketers Sam and Sara) until the customer is one, agents in care; nobody who exists for "customer". */
    private static Stages ownedStages(long sam, long sara) {
        StageOwner sales = StageOwner.listed(java.util.Set.of(sam, sara));
        return new Stages(List.of("lead", "offer", "customer", "care"), "care", java.util.Map.of("lead", sales,
                "offer", sales, "customer", StageOwner.listed(java.util.Set.of(987_654L)),
                "care", StageOwner.of(StaffRole.AGENT)));
    }

    private static final ChannelRef GROUP = new ChannelRef(Platform.TELEGRAM, "-100777");

    private static long addStaff(EngineFixture fixture, String name, StaffRole role) {
        return fixture.transactor().inTransaction(session -> session.staff().add(name, role,
                Instant.parse("2026-11-01T00:00:00Z"))).id();
    }

    @Test
    void aStageWithResponsibleStaffGivesTheCustomerToThemInTurnKeepsOneWhoMayStayAndRecordsEveryChange() {
        long sam = addStaff(engine, "Sam", StaffRole.MARKETER);
        long sara = addStaff(engine, "Sara", StaffRole.MARKETER);
        long ana = addStaff(engine, "Ana", StaffRole.AGENT);
        addStaff(engine, "Joon", StaffRole.AGENT);
        Stages stages = ownedStages(sam, sara);
        Reactions reactions = Reactions.of(new MoveToAfterSales(stages));
        Sales owned = new Sales(engine.transactor(), reactions, stages, engine.clock(), () -> { });
        ReactionRelay ownedRelay = new ReactionRelay(engine.transactor(), reactions, engine.clock());
        long mina = customer("1011");
        long jon = customer("1012");

        Sales.StageView minaLead = ((Sales.StageSet.Changed) owned.setStage(mina, "lead", Actor.admin())).view();
        assertThat(minaLead.ownerName()).as("both never had one: by name").isEqualTo("Sam");
        engine.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(((Sales.StageSet.Changed) owned.setStage(jon, "lead", Actor.staff(sara))).view().ownerId())
                .as("Sara waited longest").isEqualTo(sara);
        engine.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(((Sales.StageSet.Changed) owned.setStage(mina, "offer", Actor.staff(sara))).view().ownerId())
                .as("Sam may look after offers too, so he stays").isEqualTo(sam);
        assertThat(((Sales.StageSet.Changed) owned.setStage(jon, "customer", Actor.admin())).view().ownerId())
                .as("nobody active may take customers in this stage: Sara stays").isEqualTo(sara);

        owned.recordPurchase(new NewPurchase(mina, "Kettle K2", LocalDate.parse("2026-11-20"), null, null, null));
        ownedRelay.runDue();
        ownedRelay.runDue();
        Sales.StageView minaCare = owned.stage(mina).orElseThrow();
        assertThat(minaCare.stage()).isEqualTo("care");
        assertThat(minaCare.ownerName()).as("agents in care: Ana before Joon by name").isEqualTo("Ana");
        List<OwnershipStore.OwnerChange> minasOwners = engine.transactor().inTransaction(session ->
                session.ownership().changes(mina));
        List<OwnershipStore.OwnerChange> jonsOwners = engine.transactor().inTransaction(session ->
                session.ownership().changes(jon));
        assertThat(minasOwners)
                .extracting(OwnershipStore.OwnerChange::fromStaffId, OwnershipStore.OwnerChange::toStaffId,
                        OwnershipStore.OwnerChange::changedByStaffId, OwnershipStore.OwnerChange::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, sam, null, "stage"),
                        org.assertj.core.groups.Tuple.tuple(sam, ana, null, "stage"));
        assertThat(jonsOwners)
                .extracting(OwnershipStore.OwnerChange::toStaffId, OwnershipStore.OwnerChange::changedByStaffId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sara, sara));
        assertThat(db.count("select count(*) from domain_event where kind = 'owner_changed'")).isEqualTo(3);
    }

    @Test
    void staffSetAStageFromTheStaffChatAndAreToldTheNewStageAndWhoIsResponsible() {
        long sam = addStaff(engine, "Sam", StaffRole.MARKETER);
        EngineFixture fixture = EngineFixture.withStaffChat(db, engine.clock(), GROUP, "en", new Stages(
                Stages.DEFAULT.names(), "after-sales", java.util.Map.of("negotiation",
                        StageOwner.listed(java.util.Set.of(sam)), "after-sales", StageOwner.of(StaffRole.AGENT))));
        fixture.staff("Joon", StaffRole.AGENT, "9001");
        fixture.readyChat("1021", "Kim Minji");
        fixture.readyChat("1022", "Lee Dana");
        fixture.readyChat("1023", "Lee Jiho");
        long kim = fixture.customerOf("1021").id();
        long outboxBefore = db.count("select count(*) from outbox");

        fixture.inStaffChat(GROUP, "6666", "Mallory").skipUnread().user("/stage Kim negotiation").botSaysNothingMore();
        assertThat(db.count("select count(*) from outbox")).isEqualTo(outboxBefore);

        ChatTranscript joon = fixture.inStaffChat(GROUP, "9001", "Joon").skipUnread();
        joon.user("/stage Kim negotiation")
                .botSaysContaining("Kim Minji (#" + kim + ") is now in the stage negotiation. Responsible: Sam.")
                .user("/stage #" + kim + " negotiation")
                .botSaysContaining("Kim Minji (#" + kim + ") is in the stage negotiation already. Responsible: Sam.")
                .user("/stage Kim after-sales")
                .botSaysContaining("is now in the stage after-sales. Responsible: Joon.")
                .user("/stage Kim sold")
                .botSaysContaining("\"sold\" is not a stage; the stages are consultation, intention, negotiation, "
                        + "contract, after-sales.")
                .user("/stage Lee intention")
                .botSaysContaining("Several customers match \"Lee\"", "Lee Dana (#", "Lee Jiho (#")
                .user("/stage Park intention")
                .botSaysContaining("No customer matches \"Park\".")
                .user("/stage intention")
                .botSaysContaining("Use: /stage <customer");

        Sales.StageView view = fixture.engine().sales().stage(kim).orElseThrow();
        assertThat(view.stage()).isEqualTo("after-sales");
        assertThat(view.history()).extracting(StageChange::to, StageChange::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("negotiation", "staff"),
                        org.assertj.core.groups.Tuple.tuple("after-sales", "staff"));
    }

    @Test
    void importsPurchasesRowByRowReportingTheRejectedAndSkippingWhatIsOnFile() {
        long mina = customer("1004");
        String csv = "customer_id,product,purchased_on,order_reference,amount,currency\n"
                + mina + ",Blender B1,2026-10-01,ORD-7,129000,KRW\n"
                + mina + ",\"Cups, set of 4\",2026-10-02,,,\n"
                + mina + ",Blender B1,2026-10-01,ORD-7,129000,KRW\n"
                + "999999,Kettle,2026-10-03,,,\n"
                + mina + ",Kettle,3 October,,,\n"
                + "abc,Kettle,2026-10-03,,,\n"
                + mina + ",Kettle,2026-10-03,,12.5,\n";
        Sales.ImportReport report = sales.importPurchases(new StringReader(csv));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejectedCount()).isEqualTo(4);
        assertThat(report.rejected()).extracting(Sales.Rejection::line, Sales.Rejection::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "customer_id"),
                org.assertj.core.groups.Tuple.tuple(6, "purchased_on"),
                org.assertj.core.groups.Tuple.tuple(7, "customer_id"),
                org.assertj.core.groups.Tuple.tuple(8, "currency"));
        assertThat(sales.importPurchases(new StringReader(csv)).created()).isEqualTo(1);
        assertThatThrownBy(() -> sales.importPurchases(new StringReader("customer,product\n1,x\n")))
                .hasMessageContaining("unknown column \"customer\"");
        assertThatThrownBy(() -> sales.importPurchases(new StringReader("customer_id,product\n1,x\n")))
                .hasMessageContaining("purchased_on is missing");
    }
}
