package io.retainbot.discord;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;

/** A running connection to Discord: one JDA, or a shard manager over several. */
sealed interface DiscordConnection extends AutoCloseable {
    /** Opens (or takes from JDA's cache) the DM channel with user {@code userId}. */
    RestAction<PrivateChannel> openDirectMessage(long userId);

    /** A guild text channel or thread the bot sees, from JDA's cache. */
    Optional<GuildMessageChannel> guildChannel(long channelId);

    Optional<TextChannel> textChannel(long channelId);

    /** A shard for REST calls that belong to no guild (global commands, DMs). */
    JDA anyShard();

    /** Waits until every shard of this instance has received READY. */
    void awaitReady() throws InterruptedException;

    @Override
    void close();

    record Single(JDA jda) implements DiscordConnection {
        @Override
        public RestAction<PrivateChannel> openDirectMessage(long userId) {
            return jda.openPrivateChannelById(userId);
        }

        @Override
        public Optional<GuildMessageChannel> guildChannel(long channelId) {
            return Optional.ofNullable(jda.getChannelById(GuildMessageChannel.class, channelId));
        }

        @Override
        public Optional<TextChannel> textChannel(long channelId) {
            return Optional.ofNullable(jda.getTextChannelById(channelId));
        }

        @Override
        public JDA anyShard() {
            return jda;
        }

        @Override
        public void awaitReady() throws InterruptedException {
            jda.awaitReady();
        }

        @Override
        public void close() {
            jda.shutdown();
            try {
                if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
                    jda.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                jda.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    record Sharded(ShardManager shards) implements DiscordConnection {
        @Override
        public RestAction<PrivateChannel> openDirectMessage(long userId) {
            return anyShard().openPrivateChannelById(userId);
        }

        @Override
        public Optional<GuildMessageChannel> guildChannel(long channelId) {
            return Optional.ofNullable(shards.getChannelById(GuildMessageChannel.class, channelId));
        }

        @Override
        public Optional<TextChannel> textChannel(long channelId) {
            return Optional.ofNullable(shards.getTextChannelById(channelId));
        }

        @Override
        public JDA anyShard() {
            return shards.getShardCache().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the shard manager runs no shard"));
        }

        @Override
        public void awaitReady() throws InterruptedException {
            while (shards.getShardsQueued() > 0) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            for (JDA shard : shards.getShardCache()) {
                shard.awaitReady();
            }
        }

        @Override
        public void close() {
            shards.shutdown();
        }
    }
}
