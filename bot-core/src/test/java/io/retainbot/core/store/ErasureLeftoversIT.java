package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Erasure;
import io.retainbot.core.flow.Dialogue;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.staff.StaffRole;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CustomerData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an erasure leaves in motion: messages still queued for the customer are cancelled (their chat's place
 * in the queue moves on), and the pings already posted in the staff chats are edited to say the customer's
 * data was erased instead of showing their words.
 */
class ErasureLeftoversIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ChannelRef GROUP = new ChannelRef(Platform.TELEGRAM, "-100777");

    private EngineFixture engine;
    private CustomerData data;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        engine = EngineFixture.withStaffChat(db, MutableClock.at("2026-11-23T06:20:00Z"), GROUP, "en");
        data = new CustomerData(engine.transactor(), engine.clock(),
                new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of(GROUP)));
        engine.staff("Joon", StaffRole.AGENT, "9001");
    }

    private ChatTranscript customerWithPingedComplaint(String userId, ChatTranscript staff) {
        ChatTranscript customer = engine.readyChat(userId, "Zelda");
        customer.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "The Zanzibar-vase-" + userId + " arrived broken.")).skipUnread();
        staff.deliverPending().botSaysContaining("Zanzibar-vase-" + userId);
        return customer;
    }

    @Test
    void anErasureByStaffCancelsWhatWaitsForTheCustomerAndEditsThePingsInTheStaffChat() {
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon");
        ChatTranscript customer = customerWithPingedComplaint("7001", joon);
        long id = engine.customerOf("7001").id();
        engine.transactor().runInTransaction(session -> session.outbox().enqueue(new OutboxItem(
                EngineFixture.channel("7001"), Lane.BULK, OutboundMessage.Text.of("waiting-qx for Zelda"), id,
                "test:waiting-qx", engine.clock().instant().plus(Duration.ofHours(1)))));
        assertThat(db.count("select count(*) from outbox_chat where chat_id = '7001'")).isEqualTo(1);

        assertThat(data.erase(new Erasure(id, Erasure.RequestedBy.ADMIN, null, "asked by letter")))
                .isInstanceOf(CustomerData.Outcome.Erased.class);

        joon.deliverPending().botEdits("(Delivery): the customer's data was erased");
        assertThat(db.count("select count(*) from outbox where message::text like '%waiting-qx%'")).isZero();
        assertThat(db.count("select count(*) from outbox where message::text like '%Zanzibar-vase%'")).isZero();
        assertThat(db.count("select count(*) from outbox_chat where chat_id = '7001'")).isZero();
        engine.clock().advance(Duration.ofHours(2));
        customer.deliverPending().botSaysNothingMore();
    }

    @Test
    void forgetFromChatEditsThePingsToo() {
        ChatTranscript joon = engine.inStaffChat(GROUP, "9001", "Joon");
        ChatTranscript customer = customerWithPingedComplaint("7002", joon);

        customer.user("/forget").skipUnread().press("Yes, erase my data").botSaysContaining("Your data is being erased now.");
        engine.runReactions();

        joon.deliverPending().botEdits("(Delivery): the customer's data was erased");
        assertThat(db.count("select count(*) from outbox where message::text like '%Zanzibar-vase%'")).isZero();
    }
}
