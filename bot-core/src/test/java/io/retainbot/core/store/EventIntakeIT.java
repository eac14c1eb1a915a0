package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.flow.Conversation;
import io.retainbot.core.flow.FlowData;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.EventIntake;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's accept and finish statements against PostgreSQL: what each does when a row it reaches for
 * is missing, what it leaves alone for an event already in the inbox, and what a second event of the same
 * chat sees after waiting for the first one's commit (READ COMMITTED re-reads the rows it locks).
 */
class EventIntakeIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant MONDAY = Instant.parse("2026-11-23T06:20:00Z");
    private static final ChannelRef CHAT = new ChannelRef(Platform.TELEGRAM, "chat-7");
    private static final Sender ANA = new Sender("user-7", "Ana", "en");

    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void emptyDatabase() {
        db.truncateAll();
    }

    @Test
    void aNewChatIsRecordedWithNeitherConversationNorCustomerToLock() {
        EventIntake.Accepted accepted = accept(text("e-1", "hello"), MONDAY);

        assertThat(accepted.recorded()).isTrue();
        assertThat(accepted.lockedConversation()).isEmpty();
        assertThat(accepted.seenCustomer()).isEmpty();
        assertThat(db.count("select count(*) from inbox where event_id = 'e-1' and outcome = 'handled'")).isEqualTo(1);
    }

    @Test
    void aKnownChatOfASenderWithoutIdentityIsLockedWithNoCustomer() {
        createConversation();

        EventIntake.Accepted accepted = accept(text("e-1", "hello"), MONDAY);

        assertThat(accepted.lockedConversation()).map(Conversation::state).contains("idle");
        assertThat(accepted.seenCustomer()).isEmpty();
    }

    @Test
    void aKnownSenderIsMarkedSeenAndAnsweredWithTheConversation() {
        Customer ana = knownAna();
        Instant later = MONDAY.plusSeconds(3600);

        EventIntake.Accepted accepted = accept(new InboundEvent.TextReceived(CHAT, new Sender("user-7", "Ana M.", "en"),
                "e-1", later, "hello"), later);

        assertThat(accepted.lockedConversation()).map(Conversation::channel).contains(CHAT);
        assertThat(accepted.seenCustomer()).map(Customer::id).contains(ana.id());
        assertThat(accepted.seenCustomer().orElseThrow().lastContactAt()).isEqualTo(later);
        assertThat(db.row("select display_name, last_seen_at from channel_identity where user_id = 'user-7'"))
                .containsEntry("display_name", "Ana M.");
        assertThat(db.count("select count(*) from channel_identity where user_id = 'user-7' and last_seen_at = '"
                + later + "'")).isEqualTo(1);
    }

    @Test
    void anEventAlreadyInTheInboxLocksNothingAndMarksNoOneSeen() throws Exception {
        knownAna();
        accept(text("e-1", "hello"), MONDAY.plusSeconds(60));
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);

        CompletableFuture<EventIntake.Accepted> again = CompletableFuture.supplyAsync(() -> transactor.inTransaction(
                session -> {
                    EventIntake.Accepted answer = session.intake().accept(text("e-1", "hello"),
                            MONDAY.plusSeconds(120));
                    accepted.countDown();
                    awaitQuietly(checked);
                    return answer;
                }));
        try {
            assertThat(accepted.await(30, TimeUnit.SECONDS)).isTrue();
            // while the second delivery's transaction is still open, the conversation is free to lock
            assertThat(lockableNow()).isTrue();
        } finally {
            checked.countDown();
        }

        EventIntake.Accepted duplicate = again.get(30, TimeUnit.SECONDS);
        assertThat(duplicate.recorded()).isFalse();
        assertThat(duplicate.lockedConversation()).isEmpty();
        assertThat(duplicate.seenCustomer()).isEmpty();
        assertThat(db.count("select count(*) from customer where last_contact_at = '" + MONDAY.plusSeconds(60) + "'"))
                .isEqualTo(1);
    }

    @Test
    void anAcceptedEventHoldsItsConversationLockedUntilCommit() throws Exception {
        knownAna();
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactor.runInTransaction(session -> {
            session.intake().accept(text("e-1", "hello"), MONDAY);
            accepted.countDown();
            awaitQuietly(checked);
        }));
        try {
            assertThat(accepted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lockableNow()).isFalse();
        } finally {
            checked.countDown();
        }
        first.get(30, TimeUnit.SECONDS);
        assertThat(lockableNow()).isTrue();
    }

    @Test
    void aSecondEventOfTheChatSeesWhatTheFirstCommittedWhileItWaited() throws Exception {
        Customer ana = knownAna();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text("e-1", "/language ko"), MONDAY);
            firstHoldsTheLock.countDown();
            awaitQuietly(secondWaits);
            session.customers().setLanguage(ana.id(), "ko", MONDAY);
            session.conversations().save(accepted.conversation().inState("intake", "AWAITING_CATEGORY",
                    FlowData.EMPTY, MONDAY));
        }));
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<EventIntake.Accepted> second = CompletableFuture.supplyAsync(() -> transactor.inTransaction(
                session -> session.intake().accept(text("e-2", "hello"), MONDAY.plusSeconds(1))));
        try {
            Await.until(() -> db.count("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like 'with recorded as%'
                    """) == 1);
        } finally {
            secondWaits.countDown();
        }
        first.get(30, TimeUnit.SECONDS);

        EventIntake.Accepted accepted = second.get(30, TimeUnit.SECONDS);
        assertThat(accepted.lockedConversation()).map(Conversation::state).contains("AWAITING_CATEGORY");
        assertThat(accepted.seenCustomer()).map(Customer::language).contains("ko");
        assertThat(accepted.seenCustomer().orElseThrow().lastContactAt()).isEqualTo(MONDAY.plusSeconds(1));
    }

    @Test
    void finishLogsSavesAndQueuesTheRepliesInOrderWithTheFirstAsTheChatsHead() {
        Customer ana = knownAna();

        transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text("e-1", "hello"), MONDAY);
            session.intake().finish(Interaction.inbound(ana.id(), CHAT, "text", null, "hello", MONDAY)
                            .aboutComplaint(1042L),
                    accepted.conversation().inState("intake", "AWAITING_CATEGORY", FlowData.EMPTY, MONDAY),
                    List.of(OutboundMessage.Text.of("first"), OutboundMessage.Text.of("second")));
        });

        assertThat(db.count("select count(*) from interaction where summary = 'hello' and complaint_number = 1042"))
                .isEqualTo(1);
        assertThat(db.row("select state from conversation where chat_id = 'chat-7'"))
                .containsEntry("state", "AWAITING_CATEGORY");
        assertThat(db.row("""
                select string_agg(message->>'text', ',' order by id) as texts,
                       bool_and(lane = 'reply' and customer_id = %d and complaint_number = 1042) as alike
                from outbox where chat_id = 'chat-7'
                """.formatted(ana.id()))).containsEntry("texts", "first,second").containsEntry("alike", true);
        assertThat(db.count("""
                select count(*) from outbox_chat chat join outbox o on o.id = chat.head_id
                where chat.chat_id = 'chat-7' and o.message->>'text' = 'first'
                """)).isEqualTo(1);
    }

    @Test
    void finishPutsTheReplyAheadOfAWaitingBulkMessageButNotOfOneBeingSent() {
        Customer ana = knownAna();
        transactor.runInTransaction(session -> session.outbox().enqueue(new OutboxItem(CHAT,
                io.retainbot.core.outbox.Lane.BULK, OutboundMessage.Text.of("offer"), ana.id(), "bulk-1", MONDAY)));

        finishWithReply("e-1", "answer");
        assertThat(headText()).isEqualTo("answer");

        db.count("update outbox_chat set claimed_by = 'other', lease_until = now() + interval '1 minute' returning 1");
        finishWithReply("e-2", "later answer");
        assertThat(headText()).isEqualTo("answer");
    }

    @Test
    void finishWithoutRepliesQueuesNothing() {
        Customer ana = knownAna();

        transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text("e-1", "edited"), MONDAY);
            session.intake().finish(Interaction.inbound(ana.id(), CHAT, "edited", "m-1", "edited", MONDAY),
                    accepted.conversation(), List.of());
        });

        assertThat(db.count("select count(*) from interaction where platform_message_id = 'm-1'")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox")).isZero();
        assertThat(db.count("select count(*) from outbox_chat")).isZero();
    }

    @Test
    void finishRefusesAConversationThatIsNotThere() {
        Customer ana = knownAna();
        ChannelRef elsewhere = new ChannelRef(Platform.TELEGRAM, "elsewhere");

        assertThatThrownBy(() -> transactor.runInTransaction(session -> session.intake().finish(
                Interaction.inbound(ana.id(), elsewhere, "text", null, "hi", MONDAY),
                Conversation.fresh(elsewhere, MONDAY),
                List.of(OutboundMessage.Text.of("lost")))))
                .hasMessageContaining("was not there to save");
        assertThat(db.count("select count(*) from outbox")).isZero();
    }

    @Test
    void finishWritesTheDataAndLabelsThatChangedAndKeepsTheOthers() {
        knownAna();
        finishWith("e-1", FlowData.EMPTY.with("category", "delivery"), "Delivery", "intake:cat:delivery");
        assertThat(storedDataAndLabels()).containsEntry("data", "{\"files\": [], \"values\": {\"category\": \"delivery\"}}")
                .containsEntry("labels", "[[\"intake:cat:delivery\", \"Delivery\"]]");

        finishWith("e-2", FlowData.EMPTY.with("category", "product"), "Delivery", "intake:cat:delivery");
        assertThat(storedDataAndLabels()).containsEntry("data", "{\"files\": [], \"values\": {\"category\": \"product\"}}")
                .containsEntry("labels", "[[\"intake:cat:delivery\", \"Delivery\"]]");

        finishWith("e-3", FlowData.EMPTY.with("category", "product"), "Skip", "intake:skip");
        assertThat(storedDataAndLabels()).containsEntry("data", "{\"files\": [], \"values\": {\"category\": \"product\"}}")
                .containsEntry("labels", "[[\"intake:cat:delivery\", \"Delivery\"], [\"intake:skip\", \"Skip\"]]");
    }

    @Test
    void finishAfterASaveInTheSameTransactionWritesWhatItIsGivenNotWhatAcceptRead() {
        Customer ana = knownAna();
        finishWith("e-1", FlowData.EMPTY.with("category", "delivery"), "Delivery", "intake:cat:delivery");

        transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text("e-2", "hello"), MONDAY);
            session.conversations().save(accepted.conversation().inState("intake", "AWAITING_DESCRIPTION",
                    FlowData.EMPTY.with("category", "other"), MONDAY).offered(List.of(question("Other", "intake:cat:other"))));
            session.intake().finish(Interaction.inbound(ana.id(), CHAT, "text", null, "hello", MONDAY),
                    accepted.conversation(), List.of());
        });

        assertThat(storedDataAndLabels()).containsEntry("data", "{\"files\": [], \"values\": {\"category\": \"delivery\"}}")
                .containsEntry("labels", "[[\"intake:cat:delivery\", \"Delivery\"]]");
    }

    /** One event whose turn leaves {@code data} and asks a question with one button. */
    private void finishWith(String eventId, FlowData data, String label, String buttonData) {
        transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text(eventId, "hello"), MONDAY);
            OutboundMessage question = question(label, buttonData);
            session.intake().finish(Interaction.inbound(accepted.customer().id(), CHAT, "text", null, "hello", MONDAY),
                    accepted.conversation().inState("intake", "AWAITING_CATEGORY", data, MONDAY)
                            .offered(List.of(question)), List.of(question));
        });
    }

    private static OutboundMessage question(String label, String buttonData) {
        return new OutboundMessage.Text("Which one?", List.of(List.of(new Button(label, buttonData))));
    }

    private static java.util.Map<String, Object> storedDataAndLabels() {
        return db.row("select data::text as data, offered_buttons::text as labels from conversation"
                + " where chat_id = 'chat-7'");
    }

    private void finishWithReply(String eventId, String reply) {
        transactor.runInTransaction(session -> {
            EventIntake.Accepted accepted = session.intake().accept(text(eventId, "hello"), MONDAY);
            session.intake().finish(Interaction.inbound(accepted.customer().id(), CHAT, "text", null, "hello", MONDAY),
                    accepted.conversation(), List.of(OutboundMessage.Text.of(reply)));
        });
    }

    private static String headText() {
        return (String) db.row("""
                select o.message->>'text' as text from outbox_chat chat join outbox o on o.id = chat.head_id
                where chat.chat_id = 'chat-7'
                """).get("text");
    }

    private EventIntake.Accepted accept(InboundEvent event, Instant now) {
        return transactor.inTransaction(session -> session.intake().accept(event, now));
    }

    private static InboundEvent text(String eventId, String text) {
        return new InboundEvent.TextReceived(CHAT, ANA, eventId, MONDAY, text);
    }

    private void createConversation() {
        transactor.runInTransaction(session -> session.conversations().lock(CHAT, MONDAY));
    }

    private Customer knownAna() {
        createConversation();
        return transactor.inTransaction(session -> {
            Customer created = session.customers().create(CustomerProfile.named("Ana", "en"), MONDAY);
            session.customers().link(created.id(), Platform.TELEGRAM, ANA.platformUserId(), CHAT.chatId(), "Ana",
                    MONDAY);
            return created;
        });
    }

    /** Whether another connection could lock the chat's conversation at once. */
    private static boolean lockableNow() {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("select 1 from conversation where chat_id = 'chat-7' for update nowait");
                return true;
            } catch (SQLException failure) {
                if ("55P03".equals(failure.getSQLState())) {
                    return false;
                }
                throw failure;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not go on within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
