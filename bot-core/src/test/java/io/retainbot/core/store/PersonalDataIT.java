package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.Erasure;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.EraseOnRequest;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs;
import io.retainbot.core.usecase.CareTransactions;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.CustomerData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer's own data across every table: each table of the schema is accounted for, the export
 * finds the customer everywhere, and after an erasure no trace of what identifies them or what they
 * wrote is left in any table (every row of every table is read), while their complaint still counts.
 */
class PersonalDataIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** What identifies Zelda or what she wrote, each distinctive enough to be searched for in any row. */
    private static final List<String> ZELDAS_DATA = List.of("Zelda Quixote", "5551234", "+82-10-5555-7777",
            "zelda.q@example.org", "Quixote Windmills", "prefers-calls-qx", "vip-qx", "Zanzibar-parcel-7731",
            "ORD-QX-9911", "photo-qx-77", "suggest-xyzzy", "answer-qx-marker", "summary-qx-marker", "OFFER-QX-1",
            "web-chat-qx", "web-visitor-qx", "receipt-qx.pdf", "hello web-qx", "more-details-qx", "review-needs-qx",
            "review-vendor-qx", "waiting-words-qx");

    private EngineFixture engine;
    private CustomerData data;
    private ComplaintCare care;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        Reactions reactions = Reactions.of(new EraseOnRequest(
                new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of())));
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T06:20:00Z"), reactions,
                BotContactPolicy.DEFAULT);
        StaffChats noStaffChats = new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of());
        data = new CustomerData(engine.transactor(), engine.clock(), noStaffChats);
        care = new ComplaintCare(new CareTransactions(engine.transactor(), reactions, Messages.builtIn(), BusinessConfig.defaults(),
                engine.clock(), () -> { }));
    }

    @Test
    void everyTableOfTheSchemaIsAccountedFor() throws SQLException {
        TreeSet<String> tables = new TreeSet<>(strings("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                """));
        assertThat(new TreeSet<>(PersonalData.TABLES.keySet()))
                .as("PersonalData.TABLES must say, for every table, what an erasure does to it or why it holds "
                        + "nothing personal; add the new table there (and to the erasure and export if it has "
                        + "customer data)")
                .isEqualTo(tables);
        List<String> withCustomerColumn = strings("""
                select distinct table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'customer_id'
                """);
        List<String> exported = List.copyOf(PersonalData.EXPORT.keySet());
        assertThat(exported).as("every table with a customer_id is in the export").containsAll(withCustomerColumn);
    }

    @Test
    void afterAnErasureNoRowOfAnyTableHoldsTheCustomersDataAndTheComplaintStillCounts() throws SQLException {
        long zelda = richCustomer();
        engine.readyChat("7000", "Bystander Bob").user("/complaint").skipUnread().press("Product").skipUnread()
                .user("Bob's blender is loud.").skipUnread();
        for (String part : List.of("Zelda Quixote", "Zanzibar-parcel-7731", "+82-10-5555-7777", "hello web-qx",
                "receipt-qx.pdf", "summary-qx-marker", "waiting-words-qx")) {
            assertThat(tablesContaining(part)).as("before the erasure, %s is stored", part).isNotEmpty();
        }
        Map<String, String> before = data.export(zelda).orElseThrow();
        assertThat(before.get("complaint")).contains("Zanzibar-parcel-7731");
        assertThat(before.get("stored_file")).contains("receipt-qx.pdf").doesNotContain("\\x0102");
        assertThat(before.get("handover_message")).contains("waiting-words-qx");

        CustomerData.Outcome outcome = data.erase(new Erasure(zelda, Erasure.RequestedBy.ADMIN, null,
                "asked by letter on 2026-11-20"));

        assertThat(outcome).isInstanceOf(CustomerData.Outcome.Erased.class);
        for (String part : ZELDAS_DATA) {
            assertThat(tablesContaining(part)).as("tables still holding %s", part).isEmpty();
        }
        assertThat(strings("select count(*)::text from complaint where customer_id = " + zelda + " and category = "
                + "'delivery' and status = 'resolved'")).containsExactly("1");
        assertThat(strings("select count(*)::text from interaction where customer_id = " + zelda))
                .isNotEqualTo(List.of("0"));
        assertThat(strings("select requested_by || ': ' || reason from customer_erasure where customer_id = " + zelda))
                .containsExactly("admin: asked by letter on 2026-11-20");
        assertThat(tablesContaining("Bob's blender is loud.")).contains("interaction", "conversation");
        assertThat(tablesContaining("Bystander Bob")).contains("customer", "channel_identity");
    }

    @Test
    void theSameAccountWritingAgainAfterAnErasureIsANewCustomer() {
        long zelda = richCustomer();
        data.erase(new Erasure(zelda, Erasure.RequestedBy.ADMIN, null, "asked by phone"));
        engine.chat("5551234", "Zelda Quixote", "en").user("hello")
                .botSaysContaining("Hello, Zelda Quixote, and welcome to");
        assertThat(engine.customerOf("5551234").id()).isNotEqualTo(zelda);
        assertThat(data.export(zelda).orElseThrow().get("channel_identity")).isEqualTo("[]");
    }

    @Test
    void refusesAnUnknownCustomerOrStaffMember() {
        assertThat(data.erase(new Erasure(999_999, Erasure.RequestedBy.ADMIN, null, "test")))
                .isInstanceOf(CustomerData.Outcome.NoSuchCustomer.class);
        long zelda = richCustomer();
        assertThat(data.erase(new Erasure(zelda, Erasure.RequestedBy.STAFF, 424_242L, "test")))
                .isEqualTo(new CustomerData.Outcome.UnknownStaff(424_242L));
        assertThat(data.export(999_999)).isEmpty();
    }

    /** Zelda, with something in every table that can hold a customer's data. */
    private long richCustomer() {
        ChatTranscript chat = engine.chat("5551234", "Zelda Quixote", "en").user("/start").press("Yes, please")
                .skipUnread();
        chat.user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user("The Zanzibar-parcel-7731 arrived soaked.").skipUnread()
                .user("ORD-QX-9911").skipUnread()
                .sendFiles("", new FileRef("photo-qx-77", FileRef.Kind.PHOTO, "image/jpeg", 100, "")).skipUnread()
                .press("Done").skipUnread()
                .press("Send complaint").skipUnread();
        ComplaintRef ref = engine.complaintsOf("5551234").get(0).ref();
        chat.user("/status " + ref).skipUnread();
        chat.user("/suggest").skipUnread().user("suggest-xyzzy: open on Sundays").skipUnread();
        chat.user("/human").skipUnread().user("waiting-words-qx: the box was wet " + "inside ".repeat(40))
                .skipUnread();
        care.claim(new CareInputs.ClaimComplaint(ref, Actor.admin()));
        care.answer(new CareInputs.AnswerComplaint(ref, Actor.admin(), "answer-qx-marker: we are on it"));
        care.resolve(new CareInputs.ResolveComplaint(ref, Actor.admin(), "summary-qx-marker: refunded"));
        chat.deliverPending().skipUnread();
        long id = engine.customerOf("5551234").id();
        sql("update customer set phone = '+82-10-5555-7777', email = 'zelda.q@example.org', company = "
                + "'Quixote Windmills', notes = 'prefers-calls-qx', birth_month = 3, birth_day = 21 where id = " + id);
        sql("insert into customer_tag (customer_id, tag) values (" + id + ", 'vip-qx')");
        sql("insert into account_review (customer_id, source, satisfaction, needs, other_vendors, reviewed_at) values ("
                + id + ", 'customer', 2, 'review-needs-qx', 'review-vendor-qx', now())");
        sql("insert into domain_event (kind, customer_id, payload, occurred_at) values ('handover_taken', " + id
                + ", '{\"channel\": {\"platform\": \"telegram\", \"chatId\": \"5551234\"}, \"staffId\": 1}', now())");
        sql("insert into complaint_note (complaint_id, author, text, created_at) select id, 'customer', "
                + "'more-details-qx', now() from complaint where customer_id = " + id);
        sql("insert into offer_code (code, customer_id, campaign, issued_at, expires_at) values ('OFFER-QX-1', " + id
                + ", 'spring', now(), now() + interval '7 days')");
        sql("insert into channel_identity (platform, user_id, customer_id, chat_id, display_name, created_at, "
                + "last_seen_at) values ('web', 'web-visitor-qx', " + id + ", 'web-chat-qx', 'Zelda Quixote', now(), now())");
        sql("insert into web_session (chat_id, created_at) values ('web-chat-qx', now())");
        sql("insert into web_message (session_id, message, sent_at, author) values ('web-chat-qx', "
                + "'{\"text\": \"hello web-qx\"}', now(), 'visitor')");
        sql("insert into stored_file (file_key, platform, chat_id, upload_id, media_type, file_name, size_bytes, sha256, "
                + "content, stored_at) values ('key-1', 'web', 'web-chat-qx', 'up-1', 'application/pdf', "
                + "'receipt-qx.pdf', 3, 'abc', '\\x010203', now())");
        return id;
    }

    /** The tables with a row whose text (every column) contains {@code part}, ignoring case. */
    private List<String> tablesContaining(String part) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : strings("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'
                """)) {
            List<String> rows = strings("select t::text from \"" + table + "\" t");
            if (rows.stream().anyMatch(row -> row.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)))) {
                found.add(table);
            }
        }
        return found;
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void sql(String statement) {
        try (Connection connection = db.dataSource().getConnection();
             Statement run = connection.createStatement()) {
            run.execute(statement);
        } catch (SQLException failure) {
            throw new IllegalStateException(statement, failure);
        }
    }
}
