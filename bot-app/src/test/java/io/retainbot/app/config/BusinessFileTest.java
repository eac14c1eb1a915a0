package io.retainbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.CheckInCadence;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.StageOwner;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.staff.StaffRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessFileTest {
    private final BusinessFile reader = new BusinessFile(Messages.builtIn());

    @TempDir
    Path directory;

    @Test
    void readsTheCommentedExampleInTheRepository() {
        BusinessConfig business = reader.read(Path.of("..", "retainbot.example.yml"));

        assertThat(business.companyName()).isEqualTo("Santos Bakery & Café");
        assertThat(business.zone()).isEqualTo(ZoneId.of("Asia/Manila"));
        assertThat(business.defaultTone()).isEqualTo(Tone.FRIENDLY);
        assertThat(business.hours().on(DayOfWeek.FRIDAY)).hasSize(2);
        assertThat(business.hours().on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(business.holidays()).contains(LocalDate.of(2026, 12, 25));
        assertThat(business.category("delivery")).map(category -> category.responseTarget())
                .contains(Duration.ofHours(18));
        assertThat(business.category("delivery")).map(category -> category.resolutionTarget())
                .contains(Duration.ofHours(27));
        assertThat(business.category("product")).map(category -> category.label("ko")).contains("상품 품질");
        assertThat(business.promise().margin()).isEqualTo(4.0 / 3.0);
        assertThat(business.referrals()).hasSize(1);
        assertThat(business.templates().get("en")).containsKey("start.what_can_i_do");
    }

    @Test
    void keepsTheDemoValuesForSectionsLeftOut() throws IOException {
        BusinessConfig business = reader.read(file("company: Kim's Kitchen\n"));

        assertThat(business.companyName()).isEqualTo("Kim's Kitchen");
        assertThat(business.categories()).isEqualTo(BusinessConfig.defaults().categories());
        assertThat(business.defaultTone()).isEqualTo(Tone.FORMAL);
        assertThat(business.hours().on(DayOfWeek.MONDAY).get(0).opens()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void namesAnUnknownKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> reader.read(file("company: A\ncolour: blue\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(": colour is not a known key; allowed here: categories, checkIns, clusters, company, holidays, hours");
    }

    @Test
    void namesAnUnknownKeyInsideAList() {
        assertThatThrownBy(() -> reader.read(file("""
                categories:
                  - id: delivery
                    lables: { en: Delivery }
                    target: 18h
                """)))
                .hasMessageContaining("categories[0].lables is not a known key; allowed here: id, labels, resolutionTarget, "
                        + "target");
    }

    @Test
    void namesAWrongType() {
        assertThatThrownBy(() -> reader.read(file("company:\n  name: A\n")))
                .hasMessageContaining("company must be a text value");
        assertThatThrownBy(() -> reader.read(file("categories: delivery\n")))
                .hasMessageContaining("categories must be a list");
    }

    @Test
    void namesImpossibleValues() {
        assertThatThrownBy(() -> reader.read(file("timeZone: Mars/Olympus\n")))
                .hasMessageContaining("timeZone is not a time zone: \"Mars/Olympus\"");
        assertThatThrownBy(() -> reader.read(file("tone: chummy\n")))
                .hasMessageContaining("tone must be formal or friendly; was \"chummy\"");
        assertThatThrownBy(() -> reader.read(file("hours:\n  monday: \"18:00-09:00\"\n")))
                .hasMessageContaining("hours.monday must be opening spans like \"09:00-18:00\"");
        assertThatThrownBy(() -> reader.read(file("hours:\n  funday: \"09:00-18:00\"\n")))
                .hasMessageContaining("hours.funday is not a known key");
        assertThatThrownBy(() -> reader.read(file("holidays: [2026-02-30]\n")))
                .hasMessageContaining("holidays[0] must be a date like 2026-12-25");
        assertThatThrownBy(() -> reader.read(file("categories:\n  - id: x\n    labels: {en: X}\n    target: 0h\n")))
                .hasMessageContaining("categories[0].target must be a duration like 30m, 18h or 2d");
        assertThatThrownBy(() -> reader.read(file("categories:\n  - id: x\n    labels: {en: X}\n    target: 2h\n"
                + "    resolutionTarget: soon\n")))
                .hasMessageContaining("categories[0].resolutionTarget must be a duration like 30m, 18h or 2d");
        assertThatThrownBy(() -> reader.read(file("promise:\n  margin: 1/2\n")))
                .hasMessageContaining("promise.margin must be a number from 1 to 10 or a fraction like 4/3");
        assertThatThrownBy(() -> reader.read(file("promise:\n  roundTo: 7m\n")))
                .hasMessageContaining("promise.roundTo");
    }

    @Test
    void refusesTemplatesForMessagesThatDoNotExist() {
        assertThatThrownBy(() -> reader.read(file("templates:\n  en:\n    start.hello: Hi\n")))
                .hasMessageContaining("templates.en.start.hello is not a message key");
    }

    @Test
    void refusesReferralsToUnknownCategories() {
        assertThatThrownBy(() -> reader.read(file("""
                referrals:
                  - id: courier
                    name: { en: Couriers }
                    contact: "+63 2 8123 4567"
                    categories: [parcels]
                """)))
                .hasMessageContaining("referrals[0].categories names the unknown category \"parcels\"");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        assertThatThrownBy(() -> reader.read(file("company: A\nhours: [unclosed\n")))
                .hasMessageContaining("is not valid YAML at line");
        assertThatThrownBy(() -> reader.read(file("company: A\ncompany: B\n")))
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void saysWhenTheFileIsMissing() {
        assertThatThrownBy(() -> reader.read(directory.resolve("missing.yml")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void readsCheckInCadencesWithSensibleDefaultsAndNamesBadOnes() throws IOException {
        CheckIns example = reader.readCheckIns(Path.of("..", "retainbot.example.yml"));
        assertThat(example.cadences()).extracting(CheckInCadence::name, CheckInCadence::days, CheckInCadence::at,
                        CheckInCadence::textKey)
                .containsExactly(tuple("purchase-3d", 3, LocalTime.of(10, 0), "checkin.arrived"),
                        tuple("purchase-30d", 30, LocalTime.of(10, 0), "checkin.how_is_it"),
                        tuple("resolved-complaint-7d", 7, LocalTime.of(11, 0), "checkin.still_fine"));
        assertThat(reader.readCheckIns(file("company: A\n"))).isEqualTo(CheckIns.DEFAULT);
        assertThat(reader.readCheckIns(file("checkIns: []\n")).cadences()).isEmpty();

        assertThatThrownBy(() -> reader.read(file("checkIns:\n  - { after: delivery, days: 3 }\n")))
                .hasMessageContaining("checkIns[0].after must be purchase or resolved-complaint");
        assertThatThrownBy(() -> reader.read(file("checkIns:\n  - { after: purchase, days: three }\n")))
                .hasMessageContaining("checkIns[0].days must be a whole number of days from 1 to 730");
        assertThatThrownBy(() -> reader.read(file("checkIns:\n  - { after: purchase, days: 3, at: noon }\n")))
                .hasMessageContaining("checkIns[0].at must be a time of day like 10:00");
        assertThatThrownBy(() -> reader.read(file(
                        "checkIns:\n  - { after: purchase, days: 3, text: checkin.still_fine }\n")))
                .hasMessageContaining("the text checkin.still_fine does not fit a check-in after purchase");
        assertThatThrownBy(() -> reader.read(file(
                        "checkIns:\n  - { after: purchase, days: 3 }\n  - { after: purchase, days: 3 }\n")))
                .hasMessageContaining("checkIns must name each check-in once: two check-ins are named purchase-3d");
    }

    @Test
    void readsWhoLooksAfterCustomersInEachStageAndNamesBadOwners() throws IOException {
        Stages example = reader.readStages(Path.of("..", "retainbot.example.yml"));
        assertThat(example.names()).isEqualTo(Stages.DEFAULT.names());
        assertThat(example.owner("after-sales")).contains(StageOwner.of(StaffRole.AGENT));
        assertThat(example.owner("consultation")).isEmpty();
        Stages custom = reader.readStages(file("stages:\n  names: [lead, deal, care]\n  owners:\n"
                + "    lead: { staff: [3, 4] }\n    deal: { staff: 4 }\n    care: { role: Supervisor }\n"));
        assertThat(custom.afterSales()).isEqualTo("care");
        assertThat(custom.owners()).containsExactly(entry("lead", StageOwner.listed(Set.of(3L, 4L))),
                entry("deal", StageOwner.listed(Set.of(4L))), entry("care", StageOwner.of(StaffRole.SUPERVISOR)));
        assertThat(reader.readStages(file("company: A\n"))).isEqualTo(Stages.DEFAULT);

        assertThatThrownBy(() -> reader.read(file("stages:\n  owners:\n    sold: { role: agent }\n")))
                .hasMessageContaining("stages.owners.sold is not among the stages consultation, intention");
        assertThatThrownBy(() -> reader.read(file("stages:\n  owners:\n    contract: { role: boss }\n")))
                .hasMessageContaining("stages.owners.contract.role must be agent, supervisor, marketer or admin, "
                        + "was \"boss\"");
        assertThatThrownBy(() -> reader.read(file("stages:\n  owners:\n    contract: { staff: [Joon] }\n")))
                .hasMessageContaining("stages.owners.contract.staff must list staff ids");
        assertThatThrownBy(() -> reader.read(file("stages:\n  owners:\n    contract: { staff: [3], role: agent }\n")))
                .hasMessageContaining("stages.owners.contract names either staff");
        assertThatThrownBy(() -> reader.read(file("stages:\n  owners:\n    contract: {}\n")))
                .hasMessageContaining("stages.owners.contract names either staff");
    }

    @Test
    void readsReviewIntervalsAndTheClusterRuleAndNamesBadOnes() throws IOException {
        AccountReviews reviews = reader.readReviews(Path.of("..", "retainbot.example.yml"));
        assertThat(reviews.interval(OpportunityTier.HIGH)).isEqualTo(Period.ofMonths(3));
        assertThat(reviews.interval(null)).isEqualTo(Period.ofMonths(12));
        assertThat(reviews.listDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(reviews.askCustomer()).isFalse();
        AccountReviews custom = reader.readReviews(file(
                "reviews:\n  every: { high: 2 months, low: 24 }\n  askCustomer: true\n  weeklyList: { day: friday, at: \"16:30\" }\n"));
        assertThat(custom.interval(OpportunityTier.HIGH)).isEqualTo(Period.ofMonths(2));
        assertThat(custom.interval(OpportunityTier.MEDIUM)).isEqualTo(Period.ofMonths(6));
        assertThat(custom.interval(OpportunityTier.LOW)).isEqualTo(Period.ofMonths(24));
        assertThat(custom.askCustomer()).isTrue();
        assertThat(custom.listDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(custom.listTime()).isEqualTo(LocalTime.of(16, 30));
        assertThat(reader.readClusters(Path.of("..", "retainbot.example.yml"))).isEqualTo(ClusterRule.DEFAULT);
        assertThat(reader.readClusters(file("clusters: { complaints: 3, within: 30m }\n")))
                .isEqualTo(new ClusterRule(3, Duration.ofMinutes(30)));

        assertThatThrownBy(() -> reader.read(file("reviews:\n  every: { high: 0 }\n")))
                .hasMessageContaining("reviews.every.high must be a number of months from 1 to 60");
        assertThatThrownBy(() -> reader.read(file("reviews:\n  askCustomer: maybe\n")))
                .hasMessageContaining("reviews.askCustomer must be true (the bot asks everyone whose review is due), "
                        + "false (never) or on-request");
        assertThat(reader.readReviews(file("reviews:\n  askCustomer: on-request\n")))
                .satisfies(onRequest -> {
                    assertThat(onRequest.askCustomer()).isFalse();
                    assertThat(onRequest.staffMayAsk()).isTrue();
                });
        assertThat(custom.staffMayAsk()).isTrue();
        assertThat(reviews.staffMayAsk()).isFalse();
        assertThatThrownBy(() -> reader.read(file("reviews:\n  weeklyList: { day: someday }\n")))
                .hasMessageContaining("reviews.weeklyList.day must be a day of the week");
        assertThatThrownBy(() -> reader.read(file("clusters: { complaints: 1 }\n")))
                .hasMessageContaining("clusters a cluster is 2 to 1000 complaints, was 1");
        assertThatThrownBy(() -> reader.read(file("clusters: { within: soon }\n")))
                .hasMessageContaining("clusters.within must be a duration like 30m");
    }

    private Path file(String yaml) throws IOException {
        Path file = directory.resolve("business.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
