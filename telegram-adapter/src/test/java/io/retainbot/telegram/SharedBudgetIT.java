package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.Dispatchers;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances sending for one bot share its budget through the database: against a fake Bot API that
 * refuses a 31st send in any second, each at Telegram's 30 a second alone would send 60 together.
 */
class SharedBudgetIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final int MESSAGES = 300;

    private final Clock clock = Clock.systemUTC();
    private final FakeBotApi telegram = new FakeBotApi().limitSendsTo(30);
    @RegisterExtension
    final Dispatchers dispatchers = new Dispatchers(db);
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
    }

    @AfterEach
    void tearDown() {
        dispatchers.stopAll();
        telegram.close();
    }

    @Test
    void twoInstancesOnOneBotNeverSendMoreThanItsBudgetInAnySecondAndEachMessageOnce() {
        transactor.runInTransaction(session -> {
            for (int chat = 0; chat < MESSAGES; chat++) {
                String chatId = String.valueOf(7_100_000 + chat);
                session.outbox().enqueue(new OutboxItem(new ChannelRef(Platform.TELEGRAM, chatId), Lane.BULK,
                        OutboundMessage.Text.of("Membership day for " + chatId), null, "member-day:" + chatId,
                        clock.instant()));
            }
        });

        instance("instance-a").start(runnable -> new Thread(runnable, "outbox-a"));
        instance("instance-b").start(runnable -> new Thread(runnable, "outbox-b"));
        Await.until(() -> db.count("select count(*) from outbox where status = 'delivered'") == MESSAGES,
                Duration.ofMinutes(2), () -> telegram.sendCounts() + ", delivered "
                        + db.count("select count(*) from outbox where status = 'delivered'"));

        FakeBotApi.SendCounts counts = telegram.sendCounts();
        assertThat(counts.rateLimited()).as("never a 31st send in a second, as the fake counts it").isZero();
        assertThat(counts.duplicates()).isZero();
        Map<String, Long> perChat = telegram.calls("sendMessage").stream()
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(MESSAGES).allSatisfy((chat, times) -> assertThat(times).as(chat).isEqualTo(1));
        assertThat(db.count("select count(distinct claimed_by) from outbox where status = 'delivered'"))
                .as("both instances sent").isEqualTo(2);
        assertThat(db.count("select count(*) from send_slot where held_by is not null")).as("every place given back")
                .isZero();
    }

    @Test
    void aLongTextTakesAPlaceInTheBudgetForEachOfItsParts() {
        int longTexts = 60;
        String words = "Our membership day brings you the whole list of this month's offers. ".repeat(70);
        assertThat(words.length()).as("two parts on Telegram").isBetween(4097, 8192);
        transactor.runInTransaction(session -> {
            for (int chat = 0; chat < longTexts; chat++) {
                String chatId = String.valueOf(7_200_000 + chat);
                session.outbox().enqueue(new OutboxItem(new ChannelRef(Platform.TELEGRAM, chatId), Lane.BULK,
                        OutboundMessage.Text.of(words + chatId), null, "long:" + chatId, clock.instant()));
            }
        });

        instance("instance-a").start(runnable -> new Thread(runnable, "outbox-a"));
        Await.until(() -> db.count("select count(*) from outbox where status = 'delivered'") == longTexts,
                Duration.ofMinutes(2), () -> telegram.sendCounts() + ", delivered "
                        + db.count("select count(*) from outbox where status = 'delivered'"));

        assertThat(telegram.sendCounts().rateLimited()).as("never a 31st call in a second, parts counted")
                .isZero();
        Map<String, Long> perChat = telegram.calls("sendMessage").stream()
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(longTexts).allSatisfy((chat, calls) -> assertThat(calls).as(chat).isEqualTo(2));
        assertThat(db.count("select count(*) from send_slot where held_by is not null")).as("every place given back")
                .isZero();
    }

    private OutboxDispatcher instance(String name) {
        TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30, false);
        return dispatchers.instance(name, gateway, 16, clock);
    }
}
