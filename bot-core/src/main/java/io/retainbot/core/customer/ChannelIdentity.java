package io.retainbot.core.customer;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * A platform user linked to a customer, and the chat the bot reaches them in.
 *
 * @param unreachableSince when a send found them unreachable (blocked the bot, left), {@code null} while reachable
 */
public record ChannelIdentity(Platform platform, String userId, long customerId, String chatId, String displayName,
                              Instant unreachableSince, String unreachableReason, Instant createdAt,
                              Instant lastSeenAt) {
    public ChannelIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(chatId, "chatId");
        displayName = Objects.requireNonNullElse(displayName, "");
    }

    public ChannelRef channel() {
        return new ChannelRef(platform, chatId);
    }

    public boolean reachable() {
        return unreachableSince == null;
    }
}
