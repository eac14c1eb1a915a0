package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    private static final String TOKEN = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";

    @Test
    void staysOffWithoutToken() {
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_STAFF_CHANNEL_ID", "123"))).isEmpty();
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "  "))).isEmpty();
    }

    @Test
    void defaultsToOneConnectionWithoutStaffChannel() {
        DiscordSettings settings = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(settings.staffChannelId()).isEmpty();
        assertThat(settings.shardsTotal()).isEqualTo(1);
        assertThat(settings.shardIds()).isEmpty();
        assertThat(settings.sharded()).isFalse();
        assertThat(settings.bulkPerSecond()).isEqualTo(20.0);
        assertThat(settings.restBaseUrl()).isEmpty();
        assertThat(settings.gatewayUrl()).isEmpty();
    }

    @Test
    void readsStaffChannelShardsAndBudget() {
        DiscordSettings settings = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_STAFF_CHANNEL_ID", "700000000000000010", "DISCORD_SHARDS_TOTAL", "8",
                "DISCORD_SHARD_IDS", "0-2, 5", "DISCORD_BULK_PER_SECOND", "12.5")).orElseThrow();

        assertThat(settings.staffChannelId()).contains(700000000000000010L);
        assertThat(settings.shardsTotal()).isEqualTo(8);
        assertThat(settings.shardIds()).containsExactly(0, 1, 2, 5);
        assertThat(settings.sharded()).isTrue();
        assertThat(settings.bulkPerSecond()).isEqualTo(12.5);
    }

    @Test
    void shardIdsAloneTurnShardingOn() {
        DiscordSettings settings = new DiscordSettings(TOKEN, Optional.empty(), 1, List.of(0), 20, Optional.empty(),
                Optional.empty());

        assertThat(settings.sharded()).isTrue();
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "Bot " + TOKEN)))
                .hasMessageContaining("DISCORD_BOT_TOKEN");
        assertThatThrownBy(() -> env("DISCORD_STAFF_CHANNEL_ID", "#staff")).hasMessageContaining("DISCORD_STAFF_CHANNEL_ID");
        assertThatThrownBy(() -> env("DISCORD_SHARDS_TOTAL", "two")).hasMessageContaining("DISCORD_SHARDS_TOTAL");
        assertThatThrownBy(() -> env("DISCORD_SHARDS_TOTAL", "0")).hasMessageContaining("DISCORD_SHARDS_TOTAL");
        assertThatThrownBy(() -> env("DISCORD_SHARD_IDS", "a,b")).hasMessageContaining("DISCORD_SHARD_IDS");
        assertThatThrownBy(() -> env("DISCORD_SHARD_IDS", "3-1")).hasMessageContaining("DISCORD_SHARD_IDS");
        assertThatThrownBy(() -> env("DISCORD_SHARD_IDS", "1")).hasMessageContaining("DISCORD_SHARD_IDS")
                .hasMessageContaining("DISCORD_SHARDS_TOTAL=1");
        assertThatThrownBy(() -> env("DISCORD_BULK_PER_SECOND", "fast")).hasMessageContaining("DISCORD_BULK_PER_SECOND");
        assertThatThrownBy(() -> env("DISCORD_BULK_PER_SECOND", "100")).hasMessageContaining("DISCORD_BULK_PER_SECOND");
        assertThatThrownBy(() -> env("DISCORD_BULK_PER_SECOND", "0")).hasMessageContaining("DISCORD_BULK_PER_SECOND");
    }

    @Test
    void neverShowsTheToken() {
        DiscordSettings settings = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_STAFF_CHANNEL_ID", "42")).orElseThrow();

        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("Cl2FMQ").contains("staffChannelId=42");
    }

    private static Optional<DiscordSettings> env(String name, String value) {
        return DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN, name, value));
    }
}
