package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.conversation.OutboundMessage;
import io.retainbot.core.conversation.Platform;
import io.retainbot.core.conversation.SendOutcome;
import io.retainbot.core.testing.MutableClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With sharding configured, the adapter runs a shard manager that asks the REST API for the gateway. */
class DiscordShardingIT {
    @Test
    void runsOnlyItsOwnShardOfTheTotalAndStillReceivesAndSends() throws InterruptedException {
        try (FakeDiscord discord = new FakeDiscord().start()) {
            DiscordSettings base = discord.settings();
            DiscordSettings sharded = new DiscordSettings(base.token(), Optional.empty(), 2, List.of(1),
                    base.bulkPerSecond(), base.restBaseUrl(), base.gatewayUrl());
            RecordingSink sink = new RecordingSink();
            try (DiscordAdapter adapter = new DiscordAdapter(sharded, BusinessConfig.defaults(),
                    MutableClock.at("2026-11-23T08:15:00Z"))) {
                adapter.start(sink, DiscordTranslationIT::daemon);
                adapter.awaitReady();

                List<JsonNode> identifies = discord.identifies();
                assertThat(identifies).hasSize(1);
                assertThat(identifies.get(0).path("shard").get(0).asInt()).isEqualTo(1);
                assertThat(identifies.get(0).path("shard").get(1).asInt()).isEqualTo(2);
                assertThat(discord.calls("GET", "/gateway/bot")).isNotEmpty();

                discord.dispatchFixture("dm_message");
                assertThat(sink.next(InboundEvent.TextReceived.class).text()).isEqualTo("Hello, my parcel is late");
                SendOutcome sent = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "123456789012345678"),
                        OutboundMessage.Text.of("Thank you, we are looking into it."));
                assertThat(sent).isInstanceOf(SendOutcome.Delivered.class);
            }
        }
    }
}
