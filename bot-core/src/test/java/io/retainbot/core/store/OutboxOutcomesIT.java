package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many sends' deliveries written at once, as the dispatcher's group commit writes them. */
class OutboxOutcomesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void emptyOutbox() {
        db.truncateAll();
    }

    @Test
    void recordsTheDeliveriesWhoseClaimIsStillHeldAndMovesEachOfTheirChatsToItsNextMessage() {
        ChannelRef ana = new ChannelRef(Platform.TELEGRAM, "ana");
        ChannelRef ben = new ChannelRef(Platform.TELEGRAM, "ben");
        ChannelRef cho = new ChannelRef(Platform.TELEGRAM, "cho");
        enqueue(ana, "to ana 1");
        enqueue(ana, "to ana 2");
        enqueue(ben, "to ben");
        enqueue(cho, "to cho");
        List<OutboxEntry> heads = transactor.inTransaction(session -> session.outbox().dueHeads(Platform.TELEGRAM, NOW,
                Map.of(Lane.REPLY, 10)));
        List<OutboxEntry> mine = heads.stream().filter(head -> !head.channel().equals(cho)).toList();
        List<OutboxEntry> others = heads.stream().filter(head -> head.channel().equals(cho)).toList();
        transactor.runInTransaction(session -> {
            session.outbox().claim(Platform.TELEGRAM, mine, "me", NOW, NOW.plusSeconds(8));
            session.outbox().claim(Platform.TELEGRAM, others, "someone else", NOW, NOW.plusSeconds(8));
        });

        Set<Long> recorded = transactor.inTransaction(session -> session.outbox().markAllDelivered(heads,
                Map.of(heads.get(0).id(), "m-1"), "me", NOW.plusSeconds(1)));

        assertThat(recorded).containsExactlyInAnyOrderElementsOf(mine.stream().map(OutboxEntry::id).toList());
        assertThat(db.count("select count(*) from outbox where status = 'delivered'")).isEqualTo(2);
        assertThat(db.count("select count(*) from outbox where status = 'delivered' and platform_message_id = 'm-1'"
                + " and attempts = 1")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_chat where chat_id = 'ben'")).as("nothing left for ben")
                .isZero();
        assertThat(db.count("""
                select count(*) from outbox_chat c join outbox o on o.id = c.head_id
                where c.chat_id = 'ana' and c.claimed_by is null and o.message ->> 'text' = 'to ana 2'
                """)).as("ana's next message is her head, unclaimed").isEqualTo(1);
        assertThat(db.count("""
                select count(*) from outbox_chat c join outbox o on o.id = c.head_id
                where c.chat_id = 'cho' and c.claimed_by = 'someone else' and o.status = 'sending'
                """)).as("a claim held by another is left alone").isEqualTo(1);
        List<OutboxEntry> due = transactor.inTransaction(session -> session.outbox().dueHeads(Platform.TELEGRAM,
                NOW.plusSeconds(1), Map.of(Lane.REPLY, 10)));
        assertThat(due).extracting(head -> head.message().text()).containsExactly("to ana 2");
    }

    @Test
    void appendsManyLogEntriesInOneStatement() {
        ChannelRef ana = new ChannelRef(Platform.TELEGRAM, "ana");
        transactor.runInTransaction(session -> session.interactions().appendAll(List.of(
                Interaction.outbound(null, ana, "message_sent", "m-1", "Happy birthday, Ana!", NOW),
                Interaction.outbound(null, ana, "message_edited", null, "Claimed", NOW.plusSeconds(1))
                        .aboutComplaint(7L))));

        List<Interaction> logged = transactor.inTransaction(session -> session.interactions().inChat(ana, NOW,
                NOW.plusSeconds(2), 10));
        assertThat(logged).extracting(Interaction::kind, Interaction::platformMessageId, Interaction::summary,
                        Interaction::complaintNumber)
                .containsExactly(tuple("message_sent", "m-1", "Happy birthday, Ana!", null),
                        tuple("message_edited", null, "Claimed", 7L));
    }

    private void enqueue(ChannelRef channel, String text) {
        transactor.runInTransaction(session -> session.outbox().enqueue(
                OutboxItem.reply(channel, OutboundMessage.Text.of(text), null, NOW)));
    }
}
