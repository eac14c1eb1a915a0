package io.retainbot.core.engine;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.engine.EventSink.Receipt;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.CrashingTransactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer events of several chats committed together, without savepoints: each caller returns only after the
 * commit that holds its event; a bug in one event rolls the group back and each event is then handled alone, so
 * it neither loses nor blocks the others; a crash or a lost connection before the shared commit loses nothing and
 * repeats nothing; a chat's events keep their order. Groups are built on purpose: every committer is held at a
 * gate while the events of the group queue up.
 */
class GroupCommitIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String SORRY = "something went wrong on our side";
    private static final String CATEGORY_QUESTION = "What is it about?";

    private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
    private ExecutorService callers;
    private CrashingTransactor crashing;
    private GatedTransactor gated;
    private ConversationEngine engine;
    private int events;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        callers = Executors.newCachedThreadPool();
        crashing = new CrashingTransactor(db.database().transactor());
        gated = new GatedTransactor(crashing);
        engine = new ConversationEngine(gated, Messages.builtIn(), BusinessConfig.defaults(),
                new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), Messages.FALLBACK, List.of()), clock,
                () -> { }, Reactions.none(), BotContactPolicy.DEFAULT, Stages.DEFAULT, null, GroupCommit.COMMITTERS);
    }

    @AfterEach
    void tearDown() {
        gated.open();
        gated.releaseGroups();
        callers.shutdownNow();
    }

    @Test
    void aFailingEventRollsItsGroupBackAndEachEventIsThenHandledAloneOnce() throws Exception {
        ChannelRef buggy = chat("buggy");
        gated.failFinishing(buggy, 2);
        holdEveryCommitter();
        List<Future<Receipt>> group = List.of(queue(complaint(chat("first"))), queue(complaint(buggy)),
                queue(complaint(chat("last"))));
        gated.open();

        for (Future<Receipt> receipt : group) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        assertThat(gated.groups()).as("one group of three").containsExactly(3);
        for (ChannelRef neighbour : List.of(chat("first"), chat("last"))) {
            assertThat(inbox(neighbour)).containsExactly("handled");
            assertThat(replies(neighbour)).as("asked once, not once in the group and again alone")
                    .filteredOn(reply -> reply.contains(CATEGORY_QUESTION)).hasSize(1);
        }
        // its writes in the group were undone with the group's (or the inbox would call it a duplicate);
        // alone it failed again, was recorded and apologised for
        assertThat(inbox(buggy)).containsExactly("failed");
        assertThat(replies(buggy)).singleElement().asString().contains(SORRY);

        assertThat(engine.accept(complaint(buggy))).as("the chat is not blocked").isEqualTo(Receipt.HANDLED);
        assertThat(replies(buggy)).last().asString().contains(CATEGORY_QUESTION);
    }

    @Test
    void anEventThatFailsOnceInAGroupIsHandledAloneAsIfNothingHappened() throws Exception {
        ChannelRef unlucky = chat("unlucky");
        gated.failFinishing(unlucky, 1);
        holdEveryCommitter();
        List<Future<Receipt>> group = List.of(queue(complaint(unlucky)), queue(complaint(chat("other"))));
        gated.open();

        for (Future<Receipt> receipt : group) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        assertThat(gated.groups()).containsExactly(2);
        assertThat(inbox(unlucky)).containsExactly("handled");
        assertThat(replies(unlucky)).anyMatch(reply -> reply.contains(CATEGORY_QUESTION))
                .noneMatch(reply -> reply.contains(SORRY));
        assertThat(inbox(chat("other"))).containsExactly("handled");
    }

    @Test
    void nobodyIsAnsweredAndNothingIsVisibleBeforeTheGroupCommits() throws Exception {
        holdEveryCommitter();
        List<Future<Receipt>> group = List.of(queue(complaint(chat("a"))), queue(complaint(chat("b"))),
                queue(complaint(chat("c"))));
        gated.holdGroupsAfterTheirFirstEvent();
        gated.open();
        Await.until(() -> gated.waitingAtTheGate() == 1 && gated.groups().size() == 1);

        // the group's first event is written in its transaction, not committed
        assertThat(group).noneMatch(Future::isDone);
        assertThat(db.count("select count(*) from inbox where chat_id in ('a', 'b', 'c')")).isZero();
        assertThat(db.count("select count(*) from outbox where chat_id in ('a', 'b', 'c')")).isZero();

        gated.releaseGroups();
        for (Future<Receipt> receipt : group) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        assertThat(gated.groups()).containsExactly(3);
        assertThat(db.count("select count(*) from inbox where chat_id in ('a', 'b', 'c')")).isEqualTo(3);
    }

    @Test
    void aCrashBeforeTheGroupCommitLosesNothingAndRepeatsNothing() throws Exception {
        List<InboundEvent> offered = List.of(complaint(chat("a")), complaint(chat("b")), complaint(chat("c")));
        holdEveryCommitter();
        List<Future<Receipt>> group = new ArrayList<>();
        offered.forEach(event -> group.add(queue(event)));
        crashing.crashNextGroups(1);
        gated.open();

        for (Future<Receipt> receipt : group) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        assertThat(gated.groups()).containsExactly(3);
        offeredAgainAreDuplicates(offered);
    }

    @Test
    void aConnectionLostInsideAGroupIsReplacedAndEachEventIsHandledOnce() throws Exception {
        List<InboundEvent> offered = List.of(complaint(chat("a")), complaint(chat("b")), complaint(chat("c")));
        holdEveryCommitter();
        List<Future<Receipt>> group = new ArrayList<>();
        offered.forEach(event -> group.add(queue(event)));
        gated.holdGroupsAfterTheirFirstEvent();
        gated.open();
        Await.until(() -> gated.waitingAtTheGate() == 1 && gated.groups().size() == 1);
        // the group's first event is written, not committed (the only open transaction): the server ends it
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()");
        }
        gated.releaseGroups();

        for (Future<Receipt> receipt : group) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        offeredAgainAreDuplicates(offered);
        assertThat(engine.accept(button(chat("a"), "intake:cat:delivery"))).as("the next event works")
                .isEqualTo(Receipt.HANDLED);
        assertThat(replies(chat("a"))).last().asString().contains("Please describe what happened");
    }

    @Test
    void aChatsEventsWaitForEachOtherAndKeepTheirOrder() throws Exception {
        ChannelRef talker = chat("talker");
        holdEveryCommitter();
        List<Future<Receipt>> queued = List.of(queue(complaint(talker)), queue(complaint(chat("neighbour"))),
                queue(button(talker, "intake:cat:delivery")), queue(text(talker, "The parcel came open and wet.")));
        gated.open();

        for (Future<Receipt> receipt : queued) {
            assertThat(receipt.get(1, TimeUnit.MINUTES)).isEqualTo(Receipt.HANDLED);
        }
        // the talker's first event shared a group with the neighbour's; its next two came one after the other
        assertThat(gated.groups()).containsExactly(2);
        assertThat(db.row("select flow, state from conversation where chat_id = 'talker'"))
                .containsEntry("flow", "intake").containsEntry("state", "AWAITING_ORDER_REFERENCE");
        List<String> replies = replies(talker);
        assertThat(replies.get(replies.size() - 3)).contains(CATEGORY_QUESTION);
        assertThat(replies.get(replies.size() - 2)).contains("Please describe what happened");
        assertThat(replies.get(replies.size() - 1)).contains("order or reference number");
    }

    /** Each committer takes one event of a chat of its own and waits at the closed gate; returns their receipts. */
    private List<Future<Receipt>> holdEveryCommitter() {
        gated.close();
        List<Future<Receipt>> held = new ArrayList<>();
        for (int i = 0; i < GroupCommit.COMMITTERS; i++) {
            InboundEvent event = complaint(chat("holder-" + i));
            held.add(callers.submit(() -> engine.accept(event)));
        }
        Await.until(() -> gated.waitingAtTheGate() == GroupCommit.COMMITTERS);
        return held;
    }

    /** Offers an event from a thread of its own and waits until it is queued behind those before it. */
    private Future<Receipt> queue(InboundEvent event) {
        int before = engine.waitingForAGroup();
        Future<Receipt> receipt = callers.submit(() -> engine.accept(event));
        Await.until(() -> engine.waitingForAGroup() == before + 1);
        return receipt;
    }

    /** Each event was handled once (one inbox row, one question); offered again, none is handled again. */
    private void offeredAgainAreDuplicates(List<InboundEvent> offered) {
        for (InboundEvent event : offered) {
            assertThat(engine.accept(event)).as("offered again").isEqualTo(Receipt.DUPLICATE);
            assertThat(inbox(event.channel())).containsExactly("handled");
            assertThat(replies(event.channel())).filteredOn(reply -> reply.contains(CATEGORY_QUESTION)).hasSize(1);
        }
    }

    private List<String> inbox(ChannelRef chat) {
        return rows("select outcome from inbox where chat_id = '" + chat.chatId() + "' order by handled_at, event_id");
    }

    private List<String> replies(ChannelRef chat) {
        return rows("select message->>'text' from outbox where chat_id = '" + chat.chatId() + "' order by id");
    }

    private List<String> rows(String sql) {
        List<String> found = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static ChannelRef chat(String id) {
        return new ChannelRef(Platform.TELEGRAM, id);
    }

    private InboundEvent complaint(ChannelRef chat) {
        return new InboundEvent.CommandReceived(chat, sender(chat), nextId(chat), clock.instant(), "complaint", "");
    }

    private InboundEvent button(ChannelRef chat, String data) {
        return new InboundEvent.ButtonPressed(chat, sender(chat), nextId(chat), clock.instant(), data, "");
    }

    private InboundEvent text(ChannelRef chat, String words) {
        return new InboundEvent.TextReceived(chat, sender(chat), nextId(chat), clock.instant(), words);
    }

    private synchronized String nextId(ChannelRef chat) {
        return chat.chatId() + "-" + (++events);
    }

    private static Sender sender(ChannelRef chat) {
        return new Sender(chat.chatId(), "Customer " + chat.chatId(), "en");
    }
}
