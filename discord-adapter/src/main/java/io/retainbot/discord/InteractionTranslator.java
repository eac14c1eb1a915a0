package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.conversation.Sender;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * Turns interactions into core events. They always answer in the user's DM (even a slash command
 * used in a server), and carry the user's Discord locale as the language hint. The event id is the
 * interaction id, unique per interaction, so a re-delivered interaction is handled once.
 */
final class InteractionTranslator {
    static final String COMPLAINT_FORM = "complaint";
    static final String CATEGORY_FIELD = "category";
    static final String DESCRIPTION_FIELD = "description";

    private final Clock clock;

    InteractionTranslator(Clock clock) {
        this.clock = clock;
    }

    InboundEvent command(SlashCommandInteractionEvent event) {
        return new InboundEvent.CommandReceived(chat(event.getUser()), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getName(), "");
    }

    InboundEvent button(ButtonInteractionEvent event) {
        return new InboundEvent.ButtonPressed(chat(event.getUser()), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getComponentId(), event.getMessageId());
    }

    /** A choice from a select menu acts like the button for that choice. */
    Optional<InboundEvent> select(StringSelectInteractionEvent event) {
        return event.getValues().stream().findFirst().map(value -> new InboundEvent.ButtonPressed(chat(event.getUser()),
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
        return new InboundEvent.FormSubmitted(chat(event.getUser()), sender(event.getUser(), event.getUserLocale()),
                eventId(event), clock.instant(), event.getModalId(), fields);
    }

    static ChannelRef chat(User user) {
        return DiscordChannels.directMessage(user.getId());
    }

    private static Sender sender(User user, DiscordLocale locale) {
        String hint = locale == null || locale == DiscordLocale.UNKNOWN ? "" : locale.getLocale();
        return new Sender(user.getId(), user.getEffectiveName(), hint);
    }

    private static String eventId(Interaction interaction) {
        return "i" + interaction.getId();
    }
}
