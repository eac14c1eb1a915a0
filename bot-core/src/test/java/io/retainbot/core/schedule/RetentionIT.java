package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.complaint.NewComplaint;
import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.InboxStore;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.port.WebChatStore;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention deletes exactly the working rows past their time, in batches, and no business record. */
class RetentionIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-11-23T06:20:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(Duration.ofDays(14), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(60), Duration.ofHours(1), 3);

    private final MutableClock clock = new MutableClock(NOW);
    private final ChannelRef chat = new ChannelRef(Platform.TELEGRAM, "4242");
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
    }

    private Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days)).minusSeconds(1);
    }

    private void inboxRow(String id, Instant handledAt) {
        transactor.runInTransaction(session -> session.inbox().record(Platform.TELEGRAM, id, chat, "text_received",
                handledAt, handledAt, InboxStore.Outcome.HANDLED));
    }

    private long outboxRow(Instant at, boolean finished) {
        return transactor.inTransaction(session -> {
            long id = session.outbox().enqueue(OutboxItem.reply(chat, OutboundMessage.Text.of("hello"), null, at))
                    .orElseThrow();
            if (finished) {
                List<OutboxEntry> heads = session.outbox().dueHeads(Platform.TELEGRAM, at, Map.of(Lane.REPLY, 10));
                assertThat(heads).extracting(OutboxEntry::id).containsExactly(id);
                session.outbox().claim(Platform.TELEGRAM, heads, "retention-test", at, at.plusSeconds(8));
                assertThat(session.outbox().markDelivered(heads.get(0), "retention-test", "m-" + id, at)).isTrue();
            }
            return id;
        });
    }

    @Test
    void prunesOnlyWorkingRowsPastTheirTimeAndKeepsBusinessRecords() {
        for (int index = 0; index < 7; index++) {
            inboxRow("old-" + index, daysAgo(14));
        }
        inboxRow("recent", daysAgo(13));
        for (int index = 0; index < 5; index++) {
            outboxRow(daysAgo(30), true);
        }
        outboxRow(daysAgo(29), true);
        outboxRow(daysAgo(60), false);
        transactor.runInTransaction(session -> {
            for (int index = 0; index < 4; index++) {
                session.webChat().append("old-session", OutboundMessage.Text.of("old " + index), daysAgo(90));
            }
            session.webChat().append("old-session", OutboundMessage.Text.of("recent"), daysAgo(89));
            long customer = session.customers().create(CustomerProfile.builder().displayName("Ana").build(), daysAgo(400)).id();
            session.interactions().append(Interaction.inbound(customer, chat, "text_received", null, "hi", daysAgo(400)));
            session.events().append(new ConsentGiven(customer, "telegram button", daysAgo(400)), List.of("someone"),
                    daysAgo(400));
            session.events().append(new ConsentGiven(customer, "telegram button", daysAgo(400)), List.of("another"),
                    daysAgo(400));
        });
        db.count("with done as (update domain_event_delivery set status = 'done', finished_at = now() - interval "
                + "'400 days' where handler = 'someone' returning 1) select count(*) from done");

        Retention.Pruned pruned = new Retention(db.database().housekeeping(), POLICY, clock).run();

        assertThat(pruned).isEqualTo(new Retention.Pruned(7, 5, 4, 0, 1));
        assertThat(db.count("select count(*) from inbox")).isEqualTo(1);
        assertThat(db.count("select count(*) from inbox where event_id = 'recent'")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox")).as("a recent finished row and a pending one").isEqualTo(2);
        assertThat(db.count("select count(*) from outbox where status = 'pending'")).isEqualTo(1);
        assertThat(db.count("select count(*) from web_message")).isEqualTo(1);
        assertThat(db.count("select count(*) from interaction")).isEqualTo(1);
        assertThat(db.count("select count(*) from customer")).isEqualTo(1);
        assertThat(db.count("select count(*) from domain_event")).isEqualTo(2);
        assertThat(db.count("select count(*) from domain_event_delivery where status = 'pending'")).isEqualTo(1);

        assertThat(new Retention(db.database().housekeeping(), POLICY, clock).run().total()).isZero();
    }

    @Test
    void aBatchThatLostARaceToAnotherTransactionRunsAgainAndPrunesAll() throws Exception {
        for (int index = 0; index < 7; index++) {
            inboxRow("old-" + index, daysAgo(14));
        }

        Retention.Pruned pruned;
        try (AutoCloseable conflict = db.conflictOnce("inbox", "delete", "true")) {
            pruned = new Retention(db.database().housekeeping(), POLICY, clock).run();
        }

        assertThat(pruned.inbox()).isEqualTo(7);
        assertThat(db.count("select count(*) from inbox")).isZero();
    }

    @Test
    void prunesOldUploadsNoComplaintHoldsAndKeepsAttachedOnesAndThoseOfAnUnfinishedIntake() {
        ChannelRef web = new ChannelRef(Platform.WEB, "visitor-1");
        for (int index = 0; index < 4; index++) {
            upload(web, "abandoned-" + index, daysAgo(60));
        }
        upload(web, "recent", daysAgo(59));
        FileRef attached = upload(web, "attached", daysAgo(400));
        FileRef waiting = upload(web, "waiting", daysAgo(70));
        transactor.runInTransaction(session -> {
            long customer = session.customers().create(CustomerProfile.builder().displayName("Ana").build(),
                    daysAgo(400)).id();
            session.complaints().file(new NewComplaint(customer, web, "delivery", "The box was crushed.", null,
                    List.of(attached), "en", daysAgo(400), daysAgo(400), daysAgo(399), daysAgo(398)));
            Conversation intake = session.conversations().lock(web, daysAgo(70));
            session.conversations().save(intake.inState("intake", "AWAITING_CONFIRMATION",
                    FlowData.EMPTY.withFiles(List.of(waiting)), daysAgo(70)));
        });

        Retention.Pruned pruned = new Retention(db.database().housekeeping(), POLICY, clock).run();

        assertThat(pruned.files()).isEqualTo(4);
        assertThat(storedFileKeys()).containsExactlyInAnyOrder("recent", "attached", "waiting");
        assertThat(db.database().files().find("attached")).as("a complaint's attachment is a business record")
                .isPresent();
    }

    @Test
    void keepsTheRecentHistoryOfAReturningWebVisitor() {
        transactor.runInTransaction(session -> {
            for (int index = 0; index < 5; index++) {
                session.webChat().append("returning", OutboundMessage.Text.of("long ago " + index), daysAgo(200));
            }
            session.webChat().append("returning", OutboundMessage.Text.of("last week"), daysAgo(7));
            session.webChat().append("returning", OutboundMessage.Text.of("today"), NOW);
        });

        new Retention(db.database().housekeeping(), POLICY, clock).run();

        assertThat(db.count("select count(*) from web_message where session_id = 'returning'")).isEqualTo(2);
        List<WebChatStore.WebEntry> history = transactor.inTransaction(session -> session.webChat().after("returning",
                0, 50));
        assertThat(history).extracting(entry -> ((WebChatStore.WebEntry.BotSaid) entry).message())
                .containsExactly(OutboundMessage.Text.of("last week"), OutboundMessage.Text.of("today"));
    }

    private FileRef upload(ChannelRef channel, String key, Instant at) {
        db.database().files().save(new FileStore.NewFile(key, channel, "upload-" + key, "image/png", key + ".png",
                new byte[] {1, 2, 3}, at));
        return new FileRef("web:" + key, FileRef.Kind.PHOTO, "image/png", 3, key + ".png");
    }

    private List<String> storedFileKeys() {
        return Stream.of("recent", "attached", "waiting", "abandoned-0", "abandoned-1", "abandoned-2", "abandoned-3")
                .filter(key -> db.database().files().find(key).isPresent()).toList();
    }

    @Test
    void keepsEveryRowAtLeastADay() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(23), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofHours(1), 100)).hasMessage("rows are kept at least one day");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofHours(23), Duration.ofHours(1), 100)).hasMessage("rows are kept at least one day");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofHours(1), 0)).hasMessage("the retention batch must be 1 to 100000 rows");
    }
}
