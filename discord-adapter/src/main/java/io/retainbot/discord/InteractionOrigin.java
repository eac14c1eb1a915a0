package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.Interaction;

/** Which core chat an interaction belongs to: the user's DM, the staff channel, or none (dropped). */
final class InteractionOrigin {
    private InteractionOrigin() {
    }

    static Optional<ChannelRef> channel(Interaction interaction, StaffScope staff) {
        if (interaction.getChannelType() == ChannelType.PRIVATE) {
            return Optional.of(new DiscordAddress.DirectMessage(interaction.getUser().getIdLong()).ref());
        }
        return staff.refFor(interaction.getChannel());
    }

    static String eventId(Interaction interaction) {
        return "interaction:" + interaction.getId();
    }
}
