package io.retainbot.core.engine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

/** Many conversations at once, and many events of one chat at once: each one's replies in order, nothing lost. */
class EngineConcurrencyIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final int CONVERSATIONS = 100;
    private static final int MESSAGES = 20;

    private ExecutorService users;
    private ExecutorService senders;
    private OutboxDispatcher dispatcher;
    private RecordingGateway gateway;
    private ConversationEngine engine;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        users = Executors.newFixedThreadPool(12);
        senders = Executors.newFixedThreadPool(8);
        gateway = new RecordingGateway(Platform.TELEGRAM);
        dispatcher = new OutboxDispatcher(db.database().transactor(), List.of(gateway), senders, 8, Clock.systemUTC(),
                new SimpleMeterRegistry());
        engine = new ConversationEngine(db.database().transactor(), Messages.builtIn(), BusinessConfig.defaults(),
                Set.of(), Clock.systemUTC(), dispatcher::wakeUp);
        dispatcher.start(Thread::new);
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
        users.shutdownNow();
        senders.shutdownNow();
    }

    @Test
    void handlesAHundredConversationsOfTwentyMessagesInOrder() throws Exception {
        List<CompletableFuture<Void>> conversations = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            String chatId = String.valueOf(70_000 + c);
            conversations.add(CompletableFuture.runAsync(() -> talk(chatId), users));
        }
        CompletableFuture.allOf(conversations.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        awaitDelivered(CONVERSATIONS * (MESSAGES + 3));

        for (int c = 0; c < CONVERSATIONS; c++) {
            ChannelRef channel = new ChannelRef(Platform.TELEGRAM, String.valueOf(70_000 + c));
            List<String> replies = gateway.deliveredTo(channel).stream().map(OutboundMessage::text).toList();
            assertThat(replies).hasSize(MESSAGES + 3);
            List<String> refs = replies.subList(3, replies.size()).stream()
                    .map(text -> text.replaceAll("(?s).*(C-\\d+).*", "$1")).toList();
            List<String> expected = new ArrayList<>();
            for (int m = 0; m < MESSAGES; m++) {
                expected.add("C-" + (900_000 + m));
            }
            assertThat(refs).as("replies of %s in order", channel).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void eventsOfOneChatArrivingTogetherAreHandledOneAtATimeAndAnsweredInThatOrder() throws Exception {
        String chatId = "80000";
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
        Sender sender = new Sender(chatId, "User " + chatId, "en");
        startAndDeclineGreetings(channel, sender);
        List<CompletableFuture<Void>> together = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            String reference = "C-" + (900_000 + m);
            written.add(reference);
            InboundEvent text = new InboundEvent.TextReceived(channel, sender, chatId + "-" + m, java.time.Instant.now(),
                    reference);
            together.add(CompletableFuture.runAsync(() -> engine.accept(text), users));
        }
        CompletableFuture.allOf(together.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        awaitDelivered(MESSAGES + 3);

        List<String> handled = texts(
                "select summary from interaction where chat_id = '80000' and kind = 'text_received' order by id");
        List<String> answered = gateway.deliveredTo(channel).stream().map(OutboundMessage::text).skip(3)
                .map(text -> text.replaceAll("(?s).*(C-\\d+).*", "$1")).toList();
        assertThat(handled).containsExactlyInAnyOrderElementsOf(written);
        assertThat(answered).as("each answer where its event was handled").containsExactlyElementsOf(handled);
    }

    /** The first column of every row a query answers, in its order. */
    private static List<String> texts(String sql) {
        List<String> texts = new ArrayList<>();
        try (java.sql.Connection connection = db.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /** The chat's first turns: started, and greetings declined, so the next texts go to the main menu. */
    private void startAndDeclineGreetings(ChannelRef channel, Sender sender) {
        String chatId = channel.chatId();
        engine.accept(new InboundEvent.CommandReceived(channel, sender, chatId + "-start", java.time.Instant.now(),
                "start", ""));
        engine.accept(new InboundEvent.ButtonPressed(channel, sender, chatId + "-consent", java.time.Instant.now(),
                "consent:no", ""));
    }

    private void talk(String chatId) {
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, chatId);
        Sender sender = new Sender(chatId, "User " + chatId, "en");
        startAndDeclineGreetings(channel, sender);
        for (int m = 0; m < MESSAGES; m++) {
            engine.accept(new InboundEvent.TextReceived(channel, sender, chatId + "-" + m, java.time.Instant.now(),
                    "C-" + (900_000 + m)));
        }
    }

    /** Waits until the outbox is sent out completely, then counts: a repeated send would show as one too many. */
    private void awaitDelivered(int expected) {
        Await.until(() -> gateway.sent().size() >= expected, java.time.Duration.ofMinutes(5), () -> gateway.sent().size());
        Await.until(() -> dispatcher.isQuiet()
                && db.count("select count(*) from outbox where status in ('pending', 'sending')") == 0);
        assertThat(gateway.sent()).hasSize(expected);
    }}
