package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With sharding configured the adapter runs a shard manager, which takes the gateway from /gateway/bot. */
class DiscordShardingIT {
    @Test
    void runsOnlyItsOwnShardOfTheTotalAndStillReceivesAndSends() throws InterruptedException {
        BlockingQueue<InboundEvent> received = new LinkedBlockingQueue<>();
        EventSink sink = event -> {
            received.add(event);
            return EventSink.Receipt.HANDLED;
        };
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 2, List.of(1), 20,
                    Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
            try (DiscordAdapter adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(),
                    Clock.systemUTC())) {
                adapter.start(sink);
                discord.awaitIdentified();
                adapter.awaitReady();

                List<JsonNode> identifies = discord.identifies();
                assertThat(identifies).hasSize(1);
                assertThat(identifies.get(0).path("shard").get(0).asInt()).isEqualTo(1);
                assertThat(identifies.get(0).path("shard").get(1).asInt()).isEqualTo(2);
                assertThat(discord.calls()).anyMatch(call -> call.path().equals("/api/v10/gateway/bot"));

                discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), "400000000000000031",
                        "ana", "Hello from shard one"));
                InboundEvent event = received.poll(20, TimeUnit.SECONDS);
                assertThat(event).isInstanceOf(InboundEvent.TextReceived.class);
                SendOutcome sent = adapter.gateway().send(event.channel(), OutboundMessage.Text.of("Thank you"));
                assertThat(sent).isInstanceOf(SendOutcome.Delivered.class);
                assertThat(discord.sentTo("400000000000000031")).extracting(FakeDiscord.Call::content)
                        .containsExactly("Thank you");
            }
        }
    }
}
