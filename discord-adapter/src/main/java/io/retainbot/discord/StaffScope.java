package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * The staff channel and its threads. Everything said there is handed to the engine under the one
 * staff channel reference bot-app registers as a staff channel, so the engine takes it only from
 * active staff and ignores everyone else.
 */
final class StaffScope {
    private final Optional<Long> staffChannelId;

    StaffScope(Optional<Long> staffChannelId) {
        this.staffChannelId = staffChannelId;
    }

    Optional<ChannelRef> ref() {
        return staffChannelId.map(id -> new DiscordAddress.GuildChannel(id).ref());
    }

    /** The staff channel reference when {@code channel} is the staff channel or one of its threads. */
    Optional<ChannelRef> refFor(Channel channel) {
        if (staffChannelId.isEmpty() || channel == null) {
            return Optional.empty();
        }
        long staff = staffChannelId.get();
        boolean inside = channel.getIdLong() == staff
                || channel instanceof ThreadChannel thread && thread.getParentChannel().getIdLong() == staff;
        return inside ? ref() : Optional.empty();
    }
}
