package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.Platform;

/**
 * Where a {@link ChannelRef} on Discord points. A customer's chat is their DM with the bot, named by
 * the <em>user id</em> (chat id = user id, as for Telegram private chats): the DM channel is opened
 * (and cached by JDA) when sending, so the reference stays valid across restarts. A guild channel or
 * thread (the staff channel and its complaint threads) is {@code channel:<id>}.
 */
sealed interface DiscordAddress {
    String CHANNEL_PREFIX = "channel:";

    ChannelRef ref();

    static DiscordAddress of(ChannelRef ref) {
        if (ref.platform() != Platform.DISCORD) {
            throw new IllegalArgumentException("not a Discord chat: " + ref);
        }
        String chatId = ref.chatId();
        if (chatId.startsWith(CHANNEL_PREFIX)) {
            return new GuildChannel(snowflake(chatId.substring(CHANNEL_PREFIX.length()), ref));
        }
        return new DirectMessage(snowflake(chatId, ref));
    }

    private static long snowflake(String text, ChannelRef ref) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException("not a Discord chat id: " + ref, malformed);
        }
    }

    /** The DM between the bot and user {@code userId}. */
    record DirectMessage(long userId) implements DiscordAddress {
        @Override
        public ChannelRef ref() {
            return new ChannelRef(Platform.DISCORD, Long.toUnsignedString(userId));
        }
    }

    /** A text channel or thread in a guild. */
    record GuildChannel(long channelId) implements DiscordAddress {
        @Override
        public ChannelRef ref() {
            return new ChannelRef(Platform.DISCORD, CHANNEL_PREFIX + Long.toUnsignedString(channelId));
        }
    }
}
