package io.retainbot.core.staff;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import java.util.Objects;

/** A platform user a staff member works as, and the chat where the bot pings them. */
public record StaffIdentity(Platform platform, String userId, String chatId) {
    public StaffIdentity {
        Objects.requireNonNull(platform, "platform");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a staff identity needs the platform's user id");
        }
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("a staff identity needs the chat to reach them in");
        }
    }

    public ChannelRef channel() {
        return new ChannelRef(platform, chatId);
    }
}
