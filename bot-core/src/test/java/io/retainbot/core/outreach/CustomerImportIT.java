package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerImportIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private final Transactor transactor = db.database().transactor();
    private final CustomerImport importer = new CustomerImport(transactor, new MutableClock(NOW));
    private final CustomerExport exporter = new CustomerExport(transactor);

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void importsCustomersWithIdentitiesBirthdaysTagsAndConsent() {
        CustomerImport.Report report = importer.run(new StringReader("""
                display_name,form_of_address,language,time_zone,birthday,tier,tone,tags,consent,consent_source,consent_at,identities
                Maria Santos,Ms. Santos,tl,Asia/Manila,1988-02-29,high,friendly,vip;Regular,yes,shop form 2026,2026-03-01T09:00:00Z,telegram:555;discord:4711@9001
                "Kim, Jun",,ko,,07-02,,,,no,web /stop,,web:w-1
                """));

        assertThat(report.rejected()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        Customer maria = byIdentity(Platform.TELEGRAM, "555");
        assertThat(maria.profile().formOfAddress()).isEqualTo("Ms. Santos");
        assertThat(maria.profile().zone()).isEqualTo(ZoneId.of("Asia/Manila"));
        assertThat(maria.profile().birthday()).isEqualTo(new Birthday(2, 29, 1988));
        assertThat(maria.profile().tier()).isEqualTo(OpportunityTier.HIGH);
        assertThat(maria.tone()).isEqualTo(Tone.FRIENDLY);
        assertThat(maria.tags()).containsExactlyInAnyOrder(new Tag("vip"), new Tag("regular"));
        assertThat(maria.consent().granted()).isTrue();
        assertThat(maria.consent().source()).isEqualTo("shop form 2026");
        assertThat(maria.consent().answeredAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(identities(maria)).extracting(ChannelIdentity::platform, ChannelIdentity::userId,
                ChannelIdentity::chatId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Platform.TELEGRAM, "555", "555"),
                org.assertj.core.groups.Tuple.tuple(Platform.DISCORD, "4711", "9001"));
        Customer jun = byIdentity(Platform.WEB, "w-1");
        assertThat(jun.displayName()).isEqualTo("Kim, Jun");
        assertThat(jun.profile().birthday()).isEqualTo(Birthday.of(7, 2));
        assertThat(jun.consent().granted()).isFalse();
        assertThat(jun.consent().answeredAt()).isEqualTo(NOW);
    }

    @Test
    void rejectsBadRowsOneByOneAndKeepsTheGoodOnes() {
        CustomerImport.Report report = importer.run(new StringReader("""
                display_name,language,time_zone,birthday,tier,consent,consent_source,identities,email
                Good One,en,,,,,,telegram:1,
                Bad Zone,en,Mars/Olympus,,,,,,
                Bad Birthday,en,,02-30,,,,,
                Bad Tier,en,,,platinum,,,,
                No Source,en,,,,yes,,,
                Bad Identity,en,,,,,,myspace:7,
                Bad Email,en,,,,,,,not-an-address
                Too,Many,Fields,,,,,,,
                ,en,,,,,,,
                Good Two,ko,,,,,,,
                Bad Language,xx,,,,,,,
                """));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejectedCount()).isEqualTo(9);
        assertThat(report.rejected()).extracting(CustomerCsv.Rejection::line, CustomerCsv.Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "time_zone"),
                        org.assertj.core.groups.Tuple.tuple(4, "birthday"),
                        org.assertj.core.groups.Tuple.tuple(5, "tier"),
                        org.assertj.core.groups.Tuple.tuple(6, "consent_source"),
                        org.assertj.core.groups.Tuple.tuple(7, "identities"),
                        org.assertj.core.groups.Tuple.tuple(8, "email"),
                        org.assertj.core.groups.Tuple.tuple(9, "row"),
                        org.assertj.core.groups.Tuple.tuple(10, "display_name"),
                        org.assertj.core.groups.Tuple.tuple(12, "language"));
        assertThat(report.rejected().get(0).error()).contains("Mars/Olympus");
        assertThat(report.rejected().get(8).error()).isEqualTo("\"xx\" is not a language RetainBot speaks: en, ko, tl");
        assertThat(db.count("select count(*) from customer")).isEqualTo(2);
    }

    @Test
    void anIdentityAlreadyOnFileUpdatesItsCustomerInsteadOfDuplicating() {
        importer.run(new StringReader("display_name,identities,company\nAna,telegram:77,Old Co\n"));

        CustomerImport.Report again = importer.run(new StringReader(
                "display_name,identities,company,tags\n,telegram:77,New Co,returning\n"));

        Customer ana = byIdentity(Platform.TELEGRAM, "77");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(ana.displayName()).isEqualTo("Ana");
        assertThat(ana.profile().company()).isEqualTo("New Co");
        assertThat(ana.tags()).containsExactly(new Tag("returning"));
        assertThat(db.count("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void anOldListNeverUndoesALaterOptOut() {
        Customer ana = transactor.inTransaction(session -> session.customers().create(
                CustomerProfile.named("Ana", "en"), NOW));
        transactor.runInTransaction(session -> session.customers().recordConsent(ana.id(), false, "telegram /stop",
                Instant.parse("2026-11-01T00:00:00Z")));

        importer.run(new StringReader("id,consent,consent_source,consent_at\n" + ana.id()
                + ",yes,fair 2026,2026-10-01T00:00:00Z\n"));
        Customer afterOldList = find(ana.id());
        importer.run(new StringReader("id,consent,consent_source,consent_at\n" + ana.id()
                + ",yes,phone call,2026-11-20T00:00:00Z\n"));
        Customer afterNewAnswer = find(ana.id());

        assertThat(afterOldList.consent().granted()).isFalse();
        assertThat(afterNewAnswer.consent().granted()).isTrue();
        assertThat(afterNewAnswer.consent().source()).isEqualTo("phone call");
    }

    @Test
    void refusesRowsThatWouldMoveAnIdentityOrNameAnUnknownId() {
        importer.run(new StringReader("display_name,identities\nAna,telegram:1\nJun,telegram:2\n"));
        long ana = byIdentity(Platform.TELEGRAM, "1").id();

        CustomerImport.Report report = importer.run(new StringReader("id,display_name,identities\n"
                + ana + ",Ana,telegram:2\n999999,Ghost,\n,Both,telegram:1;telegram:2\n"));

        assertThat(report.rejected()).extracting(CustomerCsv.Rejection::field)
                .containsExactly("identities", "id", "identities");
        assertThat(byIdentity(Platform.TELEGRAM, "2").displayName()).isEqualTo("Jun");
    }

    @Test
    void exportsTheSameShapeAndReimportingItChangesNothing() {
        importer.run(new StringReader("""
                display_name,form_of_address,language,time_zone,phone,email,company,birthday,tier,tone,tags,consent,consent_source,consent_at,identities
                Maria Santos,Ms. Santos,tl,Asia/Manila,+63 917 555 0101,maria@example.ph,"Santos Bakery, Inc.",1988-02-29,high,friendly,regular;vip,yes,shop form,2026-03-01T09:00:00Z,telegram:555;discord:4711@9001
                =HYPERLINK(1),,en,,,,,,,,,,,,
                """));
        StringWriter first = new StringWriter();
        long written = exporter.writeTo(first);

        CustomerImport.Report reimport = importer.run(new StringReader(first.toString()));
        StringWriter second = new StringWriter();
        exporter.writeTo(second);

        assertThat(written).isEqualTo(2);
        assertThat(first.toString()).startsWith(String.join(",", CustomerCsv.COLUMNS) + "\r\n")
                .contains("\"Santos Bakery, Inc.\"", "1988-02-29", "regular;vip",
                        "discord:4711@9001;telegram:555", "'=HYPERLINK(1)");
        assertThat(reimport.updated()).isEqualTo(2);
        assertThat(reimport.created()).isZero();
        assertThat(reimport.rejected()).isEmpty();
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(db.count("select count(*) from customer where display_name = '=HYPERLINK(1)'")).isEqualTo(1);
    }

    @Test
    void exportsMoreThanOnePage() {
        StringBuilder csv = new StringBuilder("display_name\n");
        for (int i = 0; i < 25; i++) {
            csv.append("Customer ").append(i).append('\n');
        }
        importer.run(new StringReader(csv.toString()));

        StringWriter out = new StringWriter();
        long written = new CustomerExport(transactor, 10).writeTo(out);

        assertThat(written).isEqualTo(25);
        assertThat(out.toString().split("\r\n")).hasSize(26)
                .contains("1,Customer 0,,en,,,,,,,formal,,,,,", "25,Customer 24,,en,,,,,,,formal,,,,,");
    }

    @Test
    void exportsEveryCustomerASearchFindsPageByPageAndNoOther() {
        StringBuilder csv = new StringBuilder("display_name,tags\n");
        for (int i = 0; i < 25; i++) {
            csv.append("Customer ").append(i).append(i % 2 == 0 ? ",fair\n" : ",\n");
        }
        importer.run(new StringReader(csv.toString()));

        StringWriter out = new StringWriter();
        long written = new CustomerExport(transactor, 5).writeMatching(out,
                io.retainbot.core.customer.CustomerQuery.all().tagged(new io.retainbot.core.customer.Tag("fair")));

        assertThat(written).isEqualTo(13);
        List<String> lines = List.of(out.toString().split("\r\n"));
        assertThat(lines).hasSize(14).contains("1,Customer 0,,en,,,,,,,formal,fair,,,,")
                .noneMatch(line -> line.contains("Customer 1,"));
    }

    @Test
    void aBrokenFileStopsWhereItBreaksAndKeepsWhatCameBefore() {
        CustomerImport.Report report = importer.run(new StringReader("display_name\nAna\n\"Jun\nMaria\n"));

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.error()).contains("never closed", "rest of the file was not read");
        });
    }

    @Test
    void refusesAnEmptyFileOrAnUnknownColumnWithTheColumnsItKnows() {
        assertThatThrownBy(() -> importer.run(new StringReader(""))).hasMessageContaining("display_name");
        assertThatThrownBy(() -> importer.run(new StringReader("name,language\nAna,en\n")))
                .hasMessageContaining("unknown column \"name\"").hasMessageContaining("display_name");
    }

    private Customer byIdentity(Platform platform, String userId) {
        return transactor.inTransaction(session -> session.customers().findByIdentity(platform, userId)).orElseThrow();
    }

    private Customer find(long id) {
        return transactor.inTransaction(session -> session.customers().find(id)).orElseThrow();
    }

    private List<ChannelIdentity> identities(Customer customer) {
        return transactor.inTransaction(session -> session.customers().identities(customer.id()));
    }
}
