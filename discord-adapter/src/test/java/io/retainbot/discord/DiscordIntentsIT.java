package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which gateway intents the bot identifies with: the privileged one only when a staff channel needs it. */
class DiscordIntentsIT {
    private static final int GUILDS = 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int DIRECT_MESSAGES = 1 << 12;
    private static final int MESSAGE_CONTENT = 1 << 15;
    private static final EventSink NOBODY = event -> EventSink.Receipt.IGNORED;

    private static int identifiedIntents(Optional<String> staffChannel, FakeDiscord discord) throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, staffChannel, 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        try (DiscordAdapter adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(),
                Clock.systemUTC())) {
            adapter.start(NOBODY);
            discord.awaitIdentified();
            return discord.identifies().get(0).path("intents").asInt();
        }
    }

    @Test
    void withoutStaffChannelAsksForDirectMessagesOnlyAndNoPrivilegedIntent() throws InterruptedException {
        try (FakeDiscord discord = new FakeDiscord()) {
            assertThat(identifiedIntents(Optional.empty(), discord)).isEqualTo(GUILDS | DIRECT_MESSAGES);
        }
    }

    @Test
    void withStaffChannelAlsoAsksForGuildMessagesAndTheirContent() throws InterruptedException {
        try (FakeDiscord discord = new FakeDiscord().withGuild("700000000000000001", "700000000000000010")) {
            assertThat(identifiedIntents(Optional.of("700000000000000010"), discord))
                    .isEqualTo(GUILDS | DIRECT_MESSAGES | GUILD_MESSAGES | MESSAGE_CONTENT);
        }
    }
}
