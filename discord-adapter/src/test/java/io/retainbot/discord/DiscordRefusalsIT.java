package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.ChatGateway;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each refusal of Discord's REST API becomes, by HTTP status, whatever code Discord puts in the body. */
class DiscordRefusalsIT {
    private final FakeDiscord discord = new FakeDiscord();
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC());
        adapter.start(event -> EventSink.Receipt.IGNORED);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        adapter.close();
        discord.close();
    }

    private SendOutcome sendAnswered(String user, int status, String body) {
        discord.failNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), status,
                body, Map.of());
        return adapter.gateway().send(new ChannelRef(Platform.DISCORD, "dm:" + user), OutboundMessage.Text.of("Hello"));
    }

    @Test
    void unauthorizedWithCodeZeroFailsForGoodAndIsNotRepeated() {
        SendOutcome outcome = sendAnswered("400000000000000041", 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(discord.sentTo("400000000000000041")).hasSize(1);
    }

    @Test
    void notFoundWithCodeZeroFailsForGood() {
        SendOutcome outcome = sendAnswered("400000000000000042", 404, "{\"message\":\"404: Not Found\",\"code\":0}");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
    }

    @Test
    void serverErrorFailsRetryably() {
        SendOutcome outcome = sendAnswered("400000000000000043", 500, "{\"message\":\"500: Internal Server Error\",\"code\":0}");

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isTrue();
    }

    @Test
    void noAnswerAtAllFailsRetryably() {
        String user = "400000000000000044";
        discord.dropNext(call -> call.path().endsWith("/channels/" + FakeDiscord.dmChannelOf(user) + "/messages"), 10);

        SendOutcome outcome = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "dm:" + user),
                OutboundMessage.Text.of("Hello"));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isTrue();
    }

    @Test
    void aLongTextWhosePartWasRefusedResumesFromThatPartOnTheRetry() {
        String user = "400000000000000045";
        ChannelRef channel = new ChannelRef(Platform.DISCORD, "dm:" + user);
        String text = String.join("\n\n", paragraph("First"), paragraph("Second"), paragraph("Third"));
        discord.failNext(call -> call.content().startsWith("Second"), 500,
                "{\"message\":\"500: Internal Server Error\",\"code\":0}", Map.of());
        CountedCalls firstAttempt = new CountedCalls(0);

        SendOutcome refused = adapter.gateway().send(channel, OutboundMessage.Text.of(text), firstAttempt);
        SendOutcome retried = adapter.gateway().send(channel, OutboundMessage.Text.of(text),
                new CountedCalls(firstAttempt.made));

        assertThat(refused).isInstanceOf(SendOutcome.Failed.class);
        assertThat(retried).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(discord.sentTo(user)).extracting(call -> call.content().split(" ")[0])
                .as("the first part once; the refused second part again, then the third")
                .containsExactly("First", "Second", "Second", "Third");
    }

    /** A paragraph of about 1,800 characters: two do not fit in one Discord message. */
    private static String paragraph(String first) {
        return first + " " + "words of a long paragraph. ".repeat(70).substring(0, 1800);
    }

    /** The dispatcher's count of a message's calls made: those of earlier attempts, one more before each further one. */
    private static final class CountedCalls implements ChatGateway.FurtherCalls {
        private final int before;
        int made;

        CountedCalls(int before) {
            this.before = before;
            this.made = before;
        }

        @Override
        public boolean next() {
            made++;
            return true;
        }

        @Override
        public int madeBefore() {
            return before;
        }
    }
}
