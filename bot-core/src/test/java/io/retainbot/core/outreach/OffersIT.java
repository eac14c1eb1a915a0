package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.port.OfferStore;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OffersIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private final Transactor transactor = db.database().transactor();
    private final MutableClock clock = new MutableClock(NOW);
    private final Offers offers = new Offers(transactor, new OfferCodeGenerator(new Random(7)), clock);

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void issuesOneCodePerCustomerAndCampaign() {
        Customer ana = customer("Ana");
        Customer jun = customer("Jun");

        OfferCode first = offers.issue(ana.id(), "birthday:2027", Duration.ofDays(30));
        OfferCode again = offers.issue(ana.id(), "birthday:2027", Duration.ofDays(60));
        OfferCode other = offers.issue(jun.id(), "birthday:2027", Duration.ofDays(30));
        OfferCode nextYear = offers.issue(ana.id(), "birthday:2028", Duration.ofDays(30));

        assertThat(again).isEqualTo(first);
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(Set.of(first.code(), other.code(), nextYear.code())).hasSize(3);
        assertThat(db.count("select count(*) from offer_code")).isEqualTo(3);
    }

    @Test
    void findsACodeHoweverItIsTyped() {
        OfferCode issued = offers.issue(customer("Ana").id(), "vip", Duration.ofDays(30));
        String typed = " " + issued.code().replace("-", "").toLowerCase() + " ";

        assertThat(offers.find(typed)).contains(issued);
        assertThat(offers.find("nonsense")).isEmpty();
        assertThat(offers.find("ZZZZ-ZZZZ")).isEmpty();
    }

    @Test
    void redeemsOnceAndSaysWhyNotOtherwise() {
        OfferCode issued = offers.issue(customer("Ana").id(), "vip", Duration.ofDays(30));

        Offers.Redemption first = offers.redeem(issued.code(), "till 3");
        Offers.Redemption second = offers.redeem(issued.code(), "till 4");

        assertThat(first).isInstanceOfSatisfying(Offers.Redemption.Redeemed.class, redeemed -> {
            assertThat(redeemed.offer().redeemedAt()).isEqualTo(NOW);
            assertThat(redeemed.offer().redeemedBy()).isEqualTo("till 3");
            assertThat(redeemed.offer().status(NOW)).isEqualTo(OfferCode.Status.REDEEMED);
        });
        assertThat(second).isInstanceOfSatisfying(Offers.Redemption.AlreadyRedeemed.class,
                already -> assertThat(already.offer().redeemedBy()).isEqualTo("till 3"));
        assertThat(offers.redeem("ZZZZ-ZZZZ", "till")).isInstanceOf(Offers.Redemption.Unknown.class);
        assertThat(offers.redeem("not a code", "till")).isInstanceOf(Offers.Redemption.Unknown.class);
    }

    @Test
    void anExpiredCodeCannotBeRedeemed() {
        OfferCode issued = offers.issue(customer("Ana").id(), "vip", Duration.ofDays(30));
        clock.advance(Duration.ofDays(30));

        Offers.Redemption late = offers.redeem(issued.code(), "till 3");

        assertThat(late).isInstanceOf(Offers.Redemption.Expired.class);
        assertThat(offers.find(issued.code()).orElseThrow().status(clock.instant())).isEqualTo(OfferCode.Status.EXPIRED);
    }

    @Test
    void drawsAgainWhenARandomCodeIsTaken() {
        Customer ana = customer("Ana");
        Customer jun = customer("Jun");
        OfferCode anas = new Offers(transactor, new OfferCodeGenerator(new Random(99)), clock)
                .issue(ana.id(), "vip", Duration.ofDays(30));

        OfferCode juns = new Offers(transactor, new OfferCodeGenerator(new Random(99)), clock)
                .issue(jun.id(), "vip", Duration.ofDays(30));

        assertThat(juns.code()).isNotEqualTo(anas.code());
        assertThat(juns.customerId()).isEqualTo(jun.id());
    }

    @Test
    void codesAreSpreadOverTheAlphabet() {
        OfferCodeGenerator generator = new OfferCodeGenerator(new Random(1));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(generator.next());
        }

        assertThat(codes).hasSize(10_000).allSatisfy(code -> assertThat(OfferCode.normalize(code)).contains(code));
    }

    @Test
    void aMergedCustomerKeepsTheirCodes() {
        Customer ana = customer("Ana");
        Customer anaAgain = customer("Ana (web)");
        OfferCode vip = offers.issue(anaAgain.id(), "vip", Duration.ofDays(30));

        transactor.inTransaction(session -> session.customers().merge(ana.id(), anaAgain.id(), NOW));

        assertThat(offers.find(vip.code()).orElseThrow().customerId()).isEqualTo(ana.id());
    }

    @Test
    void talliesCodesIssuedAndRedeemedPerCampaign() {
        OfferCode first = offers.issue(customer("Ana").id(), "vip", Duration.ofDays(30));
        offers.issue(customer("Jun").id(), "vip", Duration.ofDays(30));
        offers.redeem(first.code(), "till");

        OfferStore.Tally tally = transactor.inTransaction(session -> session.offers().tally("vip"));

        assertThat(tally).isEqualTo(new OfferStore.Tally(2, 1));
    }

    private Customer customer(String name) {
        return transactor.inTransaction(session -> session.customers().create(CustomerProfile.named(name, "en"), NOW));
    }
}
