package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.testing.Await;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake Bot API in a process of its own, as the broadcast benchmark runs it: counted, and ended with it. */
class FakeBotApiProcessIT {
    @Test
    void countsTheSendsItAnsweredAndTheRepeatedChatsAndEndsWhenClosed() throws Exception {
        FakeBotApiProcess telegram = FakeBotApiProcess.start();
        long pid = telegram.pid();
        try {
            TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30,
                    false);
            List<SendOutcome> outcomes = List.of("5001", "5002", "5001").stream()
                    .map(chat -> gateway.send(new ChannelRef(Platform.TELEGRAM, chat), OutboundMessage.Text.of("Hello")))
                    .toList();
            telegram.limitSendsTo(30);

            assertThat(outcomes).allMatch(outcome -> outcome instanceof SendOutcome.Delivered);
            assertThat(telegram.sendCounts()).isEqualTo(new FakeBotApi.SendCounts(3, 0, 0, 1));
        } finally {
            telegram.close();
        }
        Await.until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).equals(Optional.of(false))
                || ProcessHandle.of(pid).isEmpty());
    }
}
