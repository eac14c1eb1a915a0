package io.retainbot.discord;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import java.util.Optional;

/** How Discord places become chats: a customer's DM is {@code dm:<user id>}; the staff channel is its own id. */
final class DiscordChannels {
    static final String DM_PREFIX = "dm:";

    private final Optional<String> staffChannelId;

    DiscordChannels(Optional<String> staffChannelId) {
        this.staffChannelId = staffChannelId;
    }

    static ChannelRef directMessage(String userId) {
        return new ChannelRef(Platform.DISCORD, DM_PREFIX + userId);
    }

    static Optional<Long> dmUser(ChannelRef channel) {
        if (!channel.chatId().startsWith(DM_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(channel.chatId().substring(DM_PREFIX.length())));
        } catch (NumberFormatException notAUser) {
            return Optional.empty();
        }
    }

    /** The staff channel, if a message in {@code channelId} (or a thread under {@code parentId}) belongs to it. */
    Optional<ChannelRef> staff(String channelId, String parentId) {
        return staffChannelId.filter(staff -> staff.equals(channelId) || staff.equals(parentId))
                .map(staff -> new ChannelRef(Platform.DISCORD, staff));
    }

    Optional<ChannelRef> staffChannel() {
        return staffChannelId.map(staff -> new ChannelRef(Platform.DISCORD, staff));
    }
}
