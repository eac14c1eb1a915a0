package io.retainbot.discord;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Sender;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * Turns interactions into core events. Slash commands and forms answer in the user's DM (even when
 * used in a server); buttons and selects do too, except those on posts in the staff channel or its
 * threads (a staff member acting on a complaint), which come as the staff channel, where the engine
 * takes them from active staff only. All carry the user's Discord locale as the language hint. The event id is the
 * interaction id, unique per interaction, so a re-delivered interaction is handled once.
 */
final class InteractionTranslator {
    static final String COMPLAINT_FORM = "complaint";
    static final String CATEGORY_FIELD = "category";
    static final String DESCRIPTION_FIELD = "description";

    private final DiscordChannels channels;
    private final Clock clock;

    InteractionTranslator(DiscordChannels channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    InboundEvent command(SlashCommandInteractionEvent event) {
        return new InboundEvent.CommandReceived(directMessage(event), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getName(), "");
    }

    InboundEvent button(ButtonInteractionEvent event) {
        return new InboundEvent.ButtonPressed(chat(event), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getComponentId(), event.getMessageId());
    }

    /** A choice from a select menu acts like the button for that choice. */
    Optional<InboundEvent> select(StringSelectInteractionEvent event) {
        return event.getValues().stream().findFirst().map(value -> new InboundEvent.ButtonPressed(chat(event),
                sender(event.getUser(), event.getUserLocale()), eventId(event), clock.instant(), value,
                event.getMessageId()));
    }

    InboundEvent form(ModalInteractionEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ModalMapping mapping : event.getValues()) {
            String value = switch (mapping.getType()) {
                case STRING_SELECT -> mapping.getAsStringList().stream().findFirst().orElse("");
                default -> mapping.getAsString();
            };
            fields.put(mapping.getCustomId(), value == null ? "" : value);
        }
        return new InboundEvent.FormSubmitted(directMessage(event), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getModalId(), fields);
    }

    private static ChannelRef directMessage(Interaction interaction) {
        return DiscordChannels.directMessage(interaction.getUser().getId());
    }

    /** The staff channel for a button or select in it or one of its threads, else the user's DM. */
    private ChannelRef chat(Interaction interaction) {
        Channel channel = interaction.getChannel();
        if (channel != null && interaction.getGuild() != null) {
            String parent = channel instanceof ThreadChannel thread ? thread.getParentChannel().getId() : null;
            Optional<ChannelRef> staff = channels.staff(channel.getId(), parent);
            if (staff.isPresent()) {
                return staff.get();
            }
        }
        return directMessage(interaction);
    }

    private static Sender sender(User user, DiscordLocale locale) {
        String hint = locale == null || locale == DiscordLocale.UNKNOWN ? "" : locale.getLocale();
        return new Sender(user.getId(), user.getEffectiveName(), hint);
    }

    private static String eventId(Interaction interaction) {
        return "i" + interaction.getId();
    }
}
