package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SegmentsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static Transactor transactor;
    private static Segments segments;
    private static long mina;

    @BeforeAll
    static void customerFile() {
        transactor = db.database().transactor();
        segments = new Segments(transactor, CLOCK);
        transactor.runInTransaction(session -> {
            mina = session.staff().add("Mina", StaffRole.AGENT, NOW).id();
            Customer ana = customer(session, CustomerProfile.builder().displayName("Ana").language("en")
                    .tier(OpportunityTier.HIGH).responsibleStaffId(mina).birthday(Birthday.of(3, 21)).build(),
                    "2025-01-01T00:00:00Z", "vip", "regular");
            session.customers().recordConsent(ana.id(), true, "telegram button", NOW.minusSeconds(3600));
            session.customers().link(ana.id(), Platform.TELEGRAM, "101", "101", "Ana", Instant.parse("2025-01-01T00:00:00Z"));
            session.customers().seen(Platform.TELEGRAM, "101", "101", "Ana", Instant.parse("2026-11-20T00:00:00Z"));
            complaint(session, ana, "2026-11-25T00:00:00Z");

            Customer jun = customer(session, CustomerProfile.builder().displayName("Jun").language("ko")
                    .tier(OpportunityTier.MEDIUM).birthday(new Birthday(7, 2, 1990)).build(),
                    "2026-06-01T00:00:00Z", "regular");
            session.customers().recordConsent(jun.id(), false, "web /stop", NOW.minusSeconds(7200));
            session.customers().link(jun.id(), Platform.DISCORD, "202", "9202", "Jun", Instant.parse("2026-06-01T00:00:00Z"));
            session.customers().markUnreachable(new ChannelRef(Platform.DISCORD, "9202"), "blocked", NOW);

            Customer maria = customer(session, CustomerProfile.named("Maria", "tl"), "2026-11-01T00:00:00Z", "vip");
            session.customers().link(maria.id(), Platform.WEB, "w-303", "w-303", "", Instant.parse("2026-11-01T00:00:00Z"));
            session.customers().seen(Platform.WEB, "w-303", "w-303", "", Instant.parse("2026-10-01T00:00:00Z"));
            session.complaints().withdraw(complaint(session, maria, "2026-11-10T00:00:00Z").id(), NOW);
            session.complaints().withdraw(complaint(session, maria, "2026-11-28T00:00:00Z").id(), NOW);
        });
    }

    @Test
    void everyoneWhenNothingIsGiven() {
        assertThat(matching(SegmentFilter.EVERYONE)).containsExactlyInAnyOrder("Ana", "Jun", "Maria");
    }

    @Test
    void filtersByTagsAnyAllAndNone() {
        assertThat(matching(filter().anyTags(tags("vip", "nobody")).build())).containsExactlyInAnyOrder("Ana", "Maria");
        assertThat(matching(filter().allTags(tags("vip", "regular")).build())).containsExactly("Ana");
        assertThat(matching(filter().noTags(tags("vip")).build())).containsExactly("Jun");
        assertThat(matching(filter().anyTags(tags("regular")).noTags(tags("vip")).build())).containsExactly("Jun");
    }

    @Test
    void filtersByLanguageTierAndResponsibleStaff() {
        assertThat(matching(filter().languages(Set.of("ko", "tl")).build())).containsExactlyInAnyOrder("Jun", "Maria");
        assertThat(matching(filter().tiers(Set.of(OpportunityTier.HIGH, OpportunityTier.MEDIUM)).build()))
                .containsExactlyInAnyOrder("Ana", "Jun");
        assertThat(matching(filter().responsibleStaffId(mina).build())).containsExactly("Ana");
    }

    @Test
    void filtersByChannelsTheCustomerIsStillReachableOn() {
        assertThat(matching(filter().channels(Set.of(Platform.TELEGRAM, Platform.WEB)).build()))
                .containsExactlyInAnyOrder("Ana", "Maria");
        assertThat(matching(filter().channels(Set.of(Platform.DISCORD)).build())).isEmpty();
    }

    @Test
    void filtersByConsent() {
        assertThat(matching(filter().consent(ConsentState.GRANTED).build())).containsExactly("Ana");
        assertThat(matching(filter().consent(ConsentState.REFUSED).build())).containsExactly("Jun");
        assertThat(matching(filter().consent(ConsentState.UNANSWERED).build())).containsExactly("Maria");
    }

    @Test
    void filtersByLastContactWhereNeverCountsAsLongAgo() {
        Instant november = Instant.parse("2026-11-01T00:00:00Z");

        assertThat(matching(filter().lastContactBefore(november).build())).containsExactlyInAnyOrder("Jun", "Maria");
        assertThat(matching(filter().lastContactAfter(november).build())).containsExactly("Ana");
    }

    @Test
    void filtersByOpenAndRecentComplaints() {
        assertThat(matching(filter().hasOpenComplaint(true).build())).containsExactly("Ana");
        assertThat(matching(filter().hasOpenComplaint(false).build())).containsExactlyInAnyOrder("Jun", "Maria");
        assertThat(matching(filter().recentComplaints(new ComplaintCount(7, 1)).build()))
                .containsExactlyInAnyOrder("Ana", "Maria");
        assertThat(matching(filter().recentComplaints(new ComplaintCount(30, 2)).build())).containsExactly("Maria");
        assertThat(matching(filter().recentComplaints(new ComplaintCount(1, 1)).build())).isEmpty();
    }

    @Test
    void countsRecentComplaintsBackFromTheMomentOfCounting() {
        SegmentFilter lastWeek = filter().recentComplaints(new ComplaintCount(7, 1)).build();
        long now = segments.count(lastWeek);
        MutableClock later = new MutableClock(NOW.plusSeconds(14 * 86_400));

        long twoWeeksLater = new Segments(transactor, later).count(lastWeek);

        assertThat(now).isEqualTo(2);
        assertThat(twoWeeksLater).isZero();
    }

    @Test
    void filtersByBirthdayMonthAndCustomerSince() {
        assertThat(matching(filter().birthdayMonths(Set.of(3, 12)).build())).containsExactly("Ana");
        assertThat(matching(filter().customerSinceAfter(Instant.parse("2026-01-01T00:00:00Z")).build()))
                .containsExactlyInAnyOrder("Jun", "Maria");
        assertThat(matching(filter().customerSinceBefore(Instant.parse("2026-07-01T00:00:00Z")).build()))
                .containsExactlyInAnyOrder("Ana", "Jun");
    }

    @Test
    void combinesCriteriaWithAnd() {
        SegmentFilter vipsWhoAgreed = filter().anyTags(tags("vip")).consent(ConsentState.GRANTED)
                .channels(Set.of(Platform.TELEGRAM)).build();

        assertThat(matching(vipsWhoAgreed)).containsExactly("Ana");
    }

    @Test
    void savesASegmentWithItsCountAndRefusesATakenName() {
        SegmentFilter vips = filter().anyTags(tags("vip")).build();

        Segments.Counted created = segments.create("  VIPs  ", vips).orElseThrow();
        var again = segments.create("VIPs", filter().languages(Set.of("en")).build());
        Segments.Counted read = segments.find(created.segment().id()).orElseThrow();

        assertThat(created.segment().name()).isEqualTo("VIPs");
        assertThat(created.audience()).isEqualTo(2);
        assertThat(again).isEmpty();
        assertThat(read.segment().filter()).isEqualTo(vips);
        assertThat(read.audience()).isEqualTo(2);
        assertThat(segments.list()).extracting(Segment::name).contains("VIPs");
        assertThat(segments.delete(created.segment().id())).isTrue();
        assertThat(segments.find(created.segment().id())).isEmpty();
        assertThat(segments.delete(created.segment().id())).isFalse();
    }

    @Test
    void keepsEveryCriterionOfASavedFilter() {
        SegmentFilter everything = filter().anyTags(tags("a")).allTags(tags("b", "c")).noTags(tags("d"))
                .languages(Set.of("en")).channels(Set.of(Platform.WEB)).tiers(Set.of(OpportunityTier.LOW))
                .responsibleStaffId(mina).consent(ConsentState.REFUSED)
                .lastContactBefore(Instant.parse("2026-11-01T00:00:00Z"))
                .lastContactAfter(Instant.parse("2026-01-01T00:00:00Z")).hasOpenComplaint(false)
                .recentComplaints(new ComplaintCount(90, 3)).birthdayMonths(Set.of(1, 2))
                .customerSinceAfter(Instant.parse("2020-01-01T00:00:00Z"))
                .customerSinceBefore(Instant.parse("2026-01-01T00:00:00Z")).build();

        Segments.Counted saved = segments.create("everything", everything).orElseThrow();

        assertThat(segments.find(saved.segment().id()).orElseThrow().segment().filter()).isEqualTo(everything);
        assertThat(saved.audience()).isZero();
    }

    private static Set<String> matching(SegmentFilter filter) {
        return transactor.inTransaction(session -> {
            List<Long> ids = session.segments().members(filter, NOW, 0, 100);
            assertThat(session.segments().count(filter, NOW)).isEqualTo(ids.size());
            Set<String> names = new HashSet<>();
            ids.forEach(id -> names.add(session.customers().find(id).orElseThrow().displayName()));
            return names;
        });
    }

    private static SegmentFilter.Builder filter() {
        return SegmentFilter.builder();
    }

    private static Set<Tag> tags(String... names) {
        Set<Tag> tags = new HashSet<>();
        for (String name : names) {
            tags.add(new Tag(name));
        }
        return tags;
    }

    private static Customer customer(StoreSession session, CustomerProfile profile, String since, String... tags) {
        Customer customer = session.customers().create(profile, Instant.parse(since));
        for (String tag : tags) {
            session.customers().addTag(customer.id(), new Tag(tag));
        }
        return customer;
    }

    private static Complaint complaint(StoreSession session, Customer customer, String at) {
        Instant filed = Instant.parse(at);
        return session.complaints().file(new NewComplaint(customer.id(), new ChannelRef(Platform.WEB, "w"), "delivery",
                "Late parcel", null, List.of(), "en", filed, filed, filed.plusSeconds(86_400),
                filed.plusSeconds(86_400)));
    }
}
