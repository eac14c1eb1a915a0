package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordLoginIT {
    @Test
    void refusedTokenFailsTheStartNamingTheVariableWithoutShowingTheToken() {
        try (FakeDiscord discord = new FakeDiscord()) {
            discord.failNext(call -> call.path().endsWith("/users/@me"), 401, "{\"message\":\"401: Unauthorized\",\"code\":0}",
                    Map.of());
            DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                    Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
            try (DiscordAdapter adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(),
                    Clock.systemUTC())) {
                assertThatThrownBy(() -> adapter.start(event -> EventSink.Receipt.IGNORED))
                        .isInstanceOf(DiscordAdapter.DiscordLoginFailed.class)
                        .hasMessageContaining("DISCORD_BOT_TOKEN")
                        .hasMessageNotContaining(FakeDiscord.TOKEN);
            }
        }
    }
}
