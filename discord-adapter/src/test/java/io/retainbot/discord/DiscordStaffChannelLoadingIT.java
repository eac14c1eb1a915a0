package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A staff message sent while Discord is still loading the staff server is tried again, not dropped. */
class DiscordStaffChannelLoadingIT {
    private static final String GUILD = "700000000000000001";
    private static final String STAFF = "700000000000000010";

    @Test
    void staffChannelNotLoadedYetFailsRetryablyAndWorksOnceLoaded() throws InterruptedException {
        try (FakeDiscord discord = new FakeDiscord().withGuild(GUILD, STAFF).holdGuild()) {
            DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.of(STAFF), 1, List.of(), 20,
                    Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
            try (DiscordAdapter adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(),
                    Clock.systemUTC())) {
                adapter.start(event -> EventSink.Receipt.IGNORED);
                discord.awaitIdentified();
                ChannelRef staff = adapter.staffChannel().orElseThrow();
                OutboundMessage ping = OutboundMessage.Text.of("New complaint C-1042");

                SendOutcome whileLoading = adapter.gateway().send(staff, ping);
                discord.releaseGuild();
                adapter.awaitReady();
                SendOutcome loaded = adapter.gateway().send(staff, ping);
                SendOutcome unknown = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "700000000000000099"), ping);

                assertThat(whileLoading).isInstanceOf(SendOutcome.Failed.class);
                assertThat(((SendOutcome.Failed) whileLoading).retryable()).isTrue();
                assertThat(loaded).isInstanceOf(SendOutcome.Delivered.class);
                assertThat(unknown).isInstanceOf(SendOutcome.Unreachable.class);
            }
        }
    }
}
