package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class DiscordLoginIT {
    @Test
    void refusedTokenFailsTheStartNamingTheVariable() {
        try (FakeDiscord discord = new FakeDiscord().start()) {
            discord.failNext("GET", "/users/@me", 401, 0, "401: Unauthorized");
            DiscordAdapter adapter = new DiscordAdapter(discord.settings(), BusinessConfig.defaults(),
                    MutableClock.at("2026-11-23T08:00:00Z"));

            assertThatThrownBy(() -> adapter.start(new RecordingSink(), DiscordTranslationIT::daemon))
                    .isInstanceOf(DiscordAdapter.DiscordLoginFailed.class)
                    .hasMessageContaining("DISCORD_BOT_TOKEN")
                    .hasMessageNotContaining(discord.settings().token());
            adapter.close();
        }
    }
}
