package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    private static final String TOKEN = FakeDiscord.TOKEN;

    @Test
    void staysOffWithoutAToken() {
        assertThat(DiscordSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "", "DISCORD_STAFF_CHANNEL_ID", "")))
                .as("docker-compose.yml passes these empty values to a RetainBot without Discord").isEmpty();
    }

    @Test
    void namesAMistypedSettingAlsoWhileDiscordIsOff() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_SHARD_IDS", "0-3")))
                .hasMessageStartingWith("DISCORD_SHARD_IDS must lie between 0 and DISCORD_SHARDS_TOTAL - 1");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BULK_PER_SECOND", "lots")))
                .hasMessageStartingWith("DISCORD_BULK_PER_SECOND must be a whole number");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_STAFF_CHANNEL_ID", "#staff")))
                .hasMessageStartingWith("DISCORD_STAFF_CHANNEL_ID must be a channel id");
    }

    @Test
    void saysTheTokenIsMissingWhenTheStaffChannelIsSetWithoutIt() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_STAFF_CHANNEL_ID",
                "1441000000000000010"))).hasMessageStartingWith("DISCORD_STAFF_CHANNEL_ID is set but DISCORD_BOT_TOKEN "
                + "is not").hasMessageEndingWith("or unset DISCORD_STAFF_CHANNEL_ID");
    }

    @Test
    void readsTheStaffChannelAndShards() {
        DiscordSettings settings = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_STAFF_CHANNEL_ID", "1441000000000000010", "DISCORD_SHARDS_TOTAL", "4",
                "DISCORD_SHARD_IDS", "0-1,3")).orElseThrow();

        assertThat(settings.staffChannelId()).contains("1441000000000000010");
        assertThat(settings.shardIds()).containsExactly(0, 1, 3);
        assertThat(settings.sharded()).isTrue();
        assertThat(settings.toString()).doesNotContain(TOKEN);
    }

    @Test
    void namesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "short")))
                .hasMessageStartingWith("DISCORD_BOT_TOKEN");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_STAFF_CHANNEL_ID", "staff")))
                .hasMessageStartingWith("DISCORD_STAFF_CHANNEL_ID");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARD_IDS", "0,2")))
                .hasMessageContaining("DISCORD_SHARD_IDS must lie between 0 and DISCORD_SHARDS_TOTAL - 1");
        assertThatThrownBy(() -> new DiscordSettings(TOKEN, java.util.Optional.empty(), 1, List.of(), 80,
                java.util.Optional.empty(), java.util.Optional.empty()))
                .hasMessageStartingWith("DISCORD_BULK_PER_SECOND");
    }
}
