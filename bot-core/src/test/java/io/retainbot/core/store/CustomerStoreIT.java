package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.CustomerQuery;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerStoreIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant MONDAY = Instant.parse("2026-11-23T06:20:00Z");

    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void keepsEveryFieldOfTheProfile() {
        StaffMember agent = transactor.inTransaction(session -> session.staff().add("Mina", StaffRole.AGENT, MONDAY));
        Customer introducer = create(CustomerProfile.named("Jun", "ko"));
        CustomerProfile full = CustomerProfile.builder()
                .displayName("Maria Santos").formOfAddress("Ms. Santos").gender("female")
                .birthday(new Birthday(2, 29, 1988)).language("tl").zone(ZoneId.of("Asia/Manila"))
                .phone("+63 917 555 0101").email("maria@example.ph").company("Santos Bakery").industry("food")
                .occupation("baker").position("owner").needs("weekly flour delivery").painPoints("late couriers")
                .notes("prefers voice notes").tone(Tone.FRIENDLY).sourceChannel("trade fair 2026")
                .introducerId(introducer.id()).tier(OpportunityTier.HIGH).responsibleStaffId(agent.id())
                .build();

        Customer created = create(full);
        Customer read = transactor.inTransaction(session -> session.customers().find(created.id())).orElseThrow();

        assertThat(read.profile()).isEqualTo(full);
        assertThat(read.createdAt()).isEqualTo(MONDAY);
        assertThat(read.consent().answered()).isFalse();
        assertThat(read.consent().granted()).isFalse();
    }

    @Test
    void keepsABirthdayWithoutAYear() {
        Customer created = create(CustomerProfile.builder().displayName("Ana").birthday(Birthday.of(12, 25)).build());

        Customer read = transactor.inTransaction(session -> session.customers().find(created.id())).orElseThrow();
        assertThat(read.profile().birthday()).isEqualTo(Birthday.of(12, 25));
        assertThat(read.profile().birthday().knownYear()).isEmpty();
    }

    @Test
    void recordsConsentWithTimeAndSource() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        Instant later = MONDAY.plusSeconds(60);

        transactor.runInTransaction(session -> session.customers().recordConsent(customer.id(), true, "web button", later));

        Customer read = transactor.inTransaction(session -> session.customers().find(customer.id())).orElseThrow();
        assertThat(read.consent().granted()).isTrue();
        assertThat(read.consent().answeredAt()).isEqualTo(later);
        assertThat(read.consent().source()).isEqualTo("web button");
    }

    @Test
    void findsACustomerByAnyOfTheirIdentities() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        link(customer, Platform.TELEGRAM, "1001");
        link(customer, Platform.DISCORD, "550000000000000001");

        Optional<Customer> byTelegram = transactor.inTransaction(session ->
                session.customers().findByIdentity(Platform.TELEGRAM, "1001"));
        Optional<Customer> byDiscord = transactor.inTransaction(session ->
                session.customers().findByIdentity(Platform.DISCORD, "550000000000000001"));
        List<ChannelIdentity> identities = transactor.inTransaction(session ->
                session.customers().identities(customer.id()));

        assertThat(byTelegram).map(Customer::id).contains(customer.id());
        assertThat(byDiscord).map(Customer::id).contains(customer.id());
        assertThat(identities).extracting(ChannelIdentity::platform)
                .containsExactlyInAnyOrder(Platform.TELEGRAM, Platform.DISCORD);
    }

    @Test
    void neverMovesAnIdentityThatBelongsToAnotherCustomer() {
        Customer first = create(CustomerProfile.named("Ana", "en"));
        Customer second = create(CustomerProfile.named("Ben", "en"));
        link(first, Platform.TELEGRAM, "1001");

        long owner = link(second, Platform.TELEGRAM, "1001");

        assertThat(owner).isEqualTo(first.id());
        List<ChannelIdentity> secondsIdentities = transactor.inTransaction(session ->
                session.customers().identities(second.id()));
        assertThat(secondsIdentities).isEmpty();
    }

    @Test
    void sameUserIdOnAnotherPlatformIsAnotherIdentity() {
        Customer first = create(CustomerProfile.named("Ana", "en"));
        Customer second = create(CustomerProfile.named("Ben", "en"));

        assertThat(link(first, Platform.TELEGRAM, "42")).isEqualTo(first.id());
        assertThat(link(second, Platform.DISCORD, "42")).isEqualTo(second.id());
    }

    @Test
    void marksAnIdentityUnreachableUntilTheUserWritesAgain() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        link(customer, Platform.TELEGRAM, "1001");
        ChannelRef chat = new ChannelRef(Platform.TELEGRAM, "1001");

        transactor.runInTransaction(session -> session.customers().markUnreachable(chat, "blocked the bot", MONDAY));
        ChannelIdentity blocked = identity(Platform.TELEGRAM, "1001");
        transactor.runInTransaction(session -> session.customers().seen(Platform.TELEGRAM, "1001", "1001", "Ana B.",
                MONDAY.plusSeconds(3600)));
        ChannelIdentity back = identity(Platform.TELEGRAM, "1001");

        assertThat(blocked.reachable()).isFalse();
        assertThat(blocked.unreachableReason()).isEqualTo("blocked the bot");
        assertThat(back.reachable()).isTrue();
        assertThat(back.displayName()).isEqualTo("Ana B.");
        assertThat(transactor.inTransaction(session -> session.customers().find(customer.id())).orElseThrow()
                .lastContactAt()).isEqualTo(MONDAY.plusSeconds(3600));
    }

    @Test
    void findsTheCustomerAndMarksTheIdentitySeenInOneStep() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        link(customer, Platform.TELEGRAM, "1001");
        transactor.runInTransaction(session -> session.customers().addTag(customer.id(), new Tag("bakery")));
        transactor.runInTransaction(session -> session.customers().markUnreachable(
                new ChannelRef(Platform.TELEGRAM, "1001"), "blocked the bot", MONDAY));

        Optional<Customer> found = transactor.inTransaction(session -> session.customers().findAndMarkSeen(
                Platform.TELEGRAM, "1001", "2002", "Ana B.", MONDAY.plusSeconds(60)));
        ChannelIdentity seen = identity(Platform.TELEGRAM, "1001");

        assertThat(found).hasValueSatisfying(read -> {
            assertThat(read.id()).isEqualTo(customer.id());
            assertThat(read.displayName()).isEqualTo("Ana");
            assertThat(read.language()).isEqualTo("en");
            assertThat(read.tags()).containsExactly(new Tag("bakery"));
            assertThat(read.lastContactAt()).isEqualTo(MONDAY.plusSeconds(60));
        });
        assertThat(seen.reachable()).isTrue();
        assertThat(seen.chatId()).isEqualTo("2002");
        assertThat(seen.displayName()).isEqualTo("Ana B.");
    }

    @Test
    void findAndMarkSeenChangesNothingForAnUnknownUser() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        link(customer, Platform.TELEGRAM, "1001");

        Optional<Customer> found = transactor.inTransaction(session -> session.customers().findAndMarkSeen(
                Platform.DISCORD, "1001", "1001", "Someone", MONDAY));

        assertThat(found).isEmpty();
        assertThat(db.count("select count(*) from channel_identity")).isEqualTo(1);
        assertThat(transactor.inTransaction(session -> session.customers().find(customer.id())).orElseThrow()
                .lastContactAt()).isNull();
    }

    @Test
    void addsAndRemovesTagsInOneSpelling() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));

        boolean added = transactor.inTransaction(session -> session.customers().addTag(customer.id(), new Tag("VIP Client")));
        boolean again = transactor.inTransaction(session -> session.customers().addTag(customer.id(), new Tag("vip-client")));
        transactor.runInTransaction(session -> session.customers().addTag(customer.id(), new Tag("bakery")));
        List<Tag> tags = find(customer).tags();
        boolean removed = transactor.inTransaction(session -> session.customers().removeTag(customer.id(), new Tag("bakery")));
        boolean removedAgain = transactor.inTransaction(session -> session.customers().removeTag(customer.id(), new Tag("bakery")));

        assertThat(added).isTrue();
        assertThat(again).isFalse();
        assertThat(tags).containsExactly(new Tag("bakery"), new Tag("vip-client"));
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(find(customer).tags()).containsExactly(new Tag("vip-client"));
    }

    @Test
    void searchesByNameTagTierAndResponsibleStaff() {
        StaffMember mina = transactor.inTransaction(session -> session.staff().add("Mina", StaffRole.AGENT, MONDAY));
        Customer maria = create(CustomerProfile.builder().displayName("Maria Santos").tier(OpportunityTier.HIGH)
                .responsibleStaffId(mina.id()).build());
        Customer mario = create(CustomerProfile.builder().displayName("Mario Reyes").tier(OpportunityTier.LOW).build());
        Customer kim = create(CustomerProfile.builder().displayName("김민수").tier(OpportunityTier.HIGH).build());
        Customer percent = create(CustomerProfile.named("100% Juice_Bar", "en"));
        transactor.runInTransaction(session -> session.customers().addTag(mario.id(), new Tag("bakery")));
        transactor.runInTransaction(session -> session.customers().addTag(kim.id(), new Tag("bakery")));

        assertThat(search(CustomerQuery.all().named("MARI"))).containsExactlyInAnyOrder(maria.id(), mario.id());
        assertThat(search(CustomerQuery.all().named("민수"))).containsExactly(kim.id());
        assertThat(search(CustomerQuery.all().named("%"))).containsExactly(percent.id());
        assertThat(search(CustomerQuery.all().named("o_r"))).isEmpty();
        assertThat(search(CustomerQuery.all().tagged(new Tag("bakery")))).containsExactlyInAnyOrder(mario.id(), kim.id());
        assertThat(search(CustomerQuery.all().inTier(OpportunityTier.HIGH))).containsExactlyInAnyOrder(maria.id(), kim.id());
        assertThat(search(CustomerQuery.all().lookedAfterBy(mina.id()))).containsExactly(maria.id());
        assertThat(search(CustomerQuery.all().inTier(OpportunityTier.HIGH).tagged(new Tag("bakery"))))
                .containsExactly(kim.id());
        assertThat(search(CustomerQuery.all().page(2, 0))).hasSize(2);
        assertThat(search(CustomerQuery.all())).hasSize(4);
    }

    @Test
    void listsACustomersHistoryNewestFirst() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        ChannelRef chat = new ChannelRef(Platform.TELEGRAM, "1001");
        transactor.runInTransaction(session -> {
            session.interactions().append(Interaction.inbound(customer.id(), chat, "text_received", "7", "hello", MONDAY));
            session.interactions().append(Interaction.outbound(customer.id(), chat, "message_sent", "8", "Hi Ana",
                    MONDAY.plusSeconds(1)));
        });

        List<Interaction> history = transactor.inTransaction(session -> session.interactions().ofCustomer(customer.id(), 10));

        assertThat(history).extracting(Interaction::summary).containsExactly("Hi Ana", "hello");
        assertThat(history.get(1).direction()).isEqualTo(Interaction.Direction.INBOUND);
        assertThat(history.get(0).platformMessageId()).isEqualTo("8");
    }

    @Test
    void refusesToRewriteTheInteractionLog() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));
        ChannelRef chat = new ChannelRef(Platform.TELEGRAM, "1001");
        transactor.runInTransaction(session ->
                session.interactions().append(Interaction.inbound(customer.id(), chat, "text_received", "7", "hello", MONDAY)));

        assertThatThrownBy(() -> execute("update interaction set summary = 'changed'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from interaction"))
                .hasMessageContaining("append-only");
    }

    @Test
    void mergeMovesIdentitiesTagsHistoryAndComplaintsToTheSurvivor() {
        Customer survivor = create(CustomerProfile.builder().displayName("Maria Santos").phone("+63 917 555 0101").build());
        Customer absorbed = create(CustomerProfile.builder().displayName("maria").email("maria@example.ph")
                .birthday(Birthday.of(2, 29)).phone("+63 2 8888 0000").build());
        Customer introduced = create(CustomerProfile.builder().displayName("Lito").introducerId(absorbed.id()).build());
        link(survivor, Platform.TELEGRAM, "1001");
        link(absorbed, Platform.DISCORD, "550000000000000001");
        ChannelRef discord = new ChannelRef(Platform.DISCORD, "550000000000000001");
        transactor.runInTransaction(session -> {
            session.customers().addTag(absorbed.id(), new Tag("bakery"));
            session.customers().recordConsent(absorbed.id(), true, "discord button", MONDAY.plusSeconds(5));
            session.interactions().append(Interaction.inbound(absorbed.id(), discord, "text_received", "1", "hi", MONDAY));
        });

        Customer merged = transactor.inTransaction(session ->
                session.customers().merge(survivor.id(), absorbed.id(), MONDAY.plusSeconds(60)));

        assertThat(merged.displayName()).isEqualTo("Maria Santos");
        assertThat(merged.profile().phone()).isEqualTo("+63 917 555 0101");
        assertThat(merged.profile().email()).isEqualTo("maria@example.ph");
        assertThat(merged.profile().birthday()).isEqualTo(Birthday.of(2, 29));
        assertThat(merged.tags()).containsExactly(new Tag("bakery"));
        assertThat(merged.consent().granted()).isTrue();
        List<ChannelIdentity> identities = transactor.inTransaction(session ->
                session.customers().identities(survivor.id()));
        List<Interaction> history = transactor.inTransaction(session ->
                session.interactions().ofCustomer(survivor.id(), 10));
        Optional<Customer> gone = transactor.inTransaction(session -> session.customers().find(absorbed.id()));
        assertThat(identities).extracting(ChannelIdentity::platform)
                .containsExactlyInAnyOrder(Platform.TELEGRAM, Platform.DISCORD);
        assertThat(history).extracting(Interaction::summary).containsExactly("hi");
        assertThat(gone).isEmpty();
        assertThat(find(introduced).profile().introducerId()).isEqualTo(survivor.id());
    }

    @Test
    void refusesToMergeACustomerIntoThemselvesOrIntoNobody() {
        Customer customer = create(CustomerProfile.named("Ana", "en"));

        assertThatThrownBy(() -> transactor.runInTransaction(session ->
                session.customers().merge(customer.id(), customer.id(), MONDAY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transactor.runInTransaction(session ->
                session.customers().merge(customer.id(), customer.id() + 999, MONDAY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsNulCharactersInsteadOfFailing() {
        Customer customer = create(CustomerProfile.builder().displayName("An\u0000a").notes("likes\u0000 tea").build());

        assertThat(find(customer).displayName()).isEqualTo("Ana");
        assertThat(find(customer).profile().notes()).isEqualTo("likes tea");
    }

    private Customer create(CustomerProfile profile) {
        return transactor.inTransaction(session -> session.customers().create(profile, MONDAY));
    }

    private Customer find(Customer customer) {
        return transactor.inTransaction(session -> session.customers().find(customer.id())).orElseThrow();
    }

    private long link(Customer customer, Platform platform, String userId) {
        return transactor.inTransaction(session ->
                session.customers().link(customer.id(), platform, userId, userId, "", MONDAY));
    }

    private ChannelIdentity identity(Platform platform, String userId) {
        return transactor.inTransaction(session -> session.customers().identity(platform, userId)).orElseThrow();
    }

    private List<Long> search(CustomerQuery query) {
        return transactor.inTransaction(session -> session.customers().search(query)).stream().map(Customer::id).toList();
    }

    private static void execute(String sql) {
        try (var connection = db.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException failure) {
            throw new StoreException("test statement failed: " + failure.getMessage(), failure);
        }
    }
}
