package io.retainbot.core.chat;

import java.util.Objects;

/** One chat on one platform: a private chat, a group, a Discord DM or channel, a web session. */
public record ChannelRef(Platform platform, String chatId) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("chatId must not be blank");
        }
    }

    @Override
    public String toString() {
        return platform.code() + ":" + chatId;
    }
}
