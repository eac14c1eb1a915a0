package io.retainbot.discord;

import io.retainbot.core.conversation.InboundEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** A slash command (other than /complaint, which opens the form) as a command with its options as the argument. */
final class SlashCommandTranslator {
    private final StaffScope staff;
    private final Clock clock;

    SlashCommandTranslator(StaffScope staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(SlashCommandInteractionEvent event) {
        String argument = event.getOptions().stream().map(OptionMapping::getAsString).collect(Collectors.joining(" "));
        return InteractionOrigin.channel(event, staff).map(channel -> new InboundEvent.CommandReceived(channel,
                Senders.of(event.getUser(), event.getUserLocale()), InteractionOrigin.eventId(event), clock.instant(),
                event.getName(), argument));
    }
}
