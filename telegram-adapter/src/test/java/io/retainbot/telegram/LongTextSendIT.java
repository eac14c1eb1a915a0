package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.Dispatchers;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A text too long for one Telegram message, sent by the outbox in parts over HTTP to a fake Bot API. */
class LongTextSendIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Clock clock = Clock.systemUTC();
    private final FakeBotApi telegram = new FakeBotApi();
    @RegisterExtension
    final Dispatchers dispatchers = new Dispatchers(db);

    @BeforeEach
    void setUp() {
        db.truncateAll();
    }

    @AfterEach
    void tearDown() {
        dispatchers.stopAll();
        telegram.close();
    }

    @Test
    void aRetryAfterAPartWasRefusedResumesFromThatPartAndNeverRepeatsTheOnesBefore() {
        List<String> parts = List.of(paragraph("First"), paragraph("Second"), paragraph("Third"));
        telegram.failNext("sendMessage", call -> call.text().startsWith("Second"), 429,
                "Too Many Requests: retry after 1", 1);

        send("5123456789", String.join("\n\n", parts));

        assertThat(telegram.sentTo("5123456789")).extracting(call -> call.text().split(" ")[0])
                .as("the second part refused once, then sent with the third; the first never again")
                .containsExactly("First", "Second", "Second", "Third");
        assertThat(db.count("select attempts from outbox")).as("one retry").isEqualTo(1);
    }

    @Test
    void eachFurtherPartWaitsForItsTurnInTheChatsPace() {
        // a group may get one message every three seconds: the second part is no exception
        send("-100200300", String.join("\n\n", paragraph("First"), paragraph("Second")));

        List<FakeBotApi.Call> calls = telegram.sentTo("-100200300");
        assertThat(calls).extracting(call -> call.text().split(" ")[0]).containsExactly("First", "Second");
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .as("the second part three seconds after the first, less the first one's way to the platform")
                .isGreaterThan(Duration.ofSeconds(2));
    }

    private void send(String chatId, String text) {
        db.database().transactor().runInTransaction(session -> session.outbox().enqueue(OutboxItem.reply(
                new ChannelRef(Platform.TELEGRAM, chatId), OutboundMessage.Text.of(text), null, clock.instant())));
        TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30, false);
        dispatchers.instance("long-texts", gateway, 2, clock).start(runnable -> new Thread(runnable, "outbox"));
        Await.until(() -> db.count("select count(*) from outbox where status = 'delivered'") == 1,
                Duration.ofSeconds(60), () -> "outbox: " + db.count("select count(*) from outbox"));
    }

    /** A paragraph of about 3,600 characters: two do not fit in one Telegram message. */
    private static String paragraph(String first) {
        return first + " " + String.join(" ", Collections.nCopies(200, "words of a long paragraph."))
                .substring(0, 3600);
    }
}
