package io.retainbot.discord;

import io.retainbot.core.conversation.InboundEvent;
import java.time.Clock;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** A button press: the button's custom id is the core button's data, and the message id comes along for edits. */
final class ButtonTranslator {
    private final StaffScope staff;
    private final Clock clock;

    ButtonTranslator(StaffScope staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(ButtonInteractionEvent event) {
        String data = event.getComponentId();
        return InteractionOrigin.channel(event, staff).map(channel -> new InboundEvent.ButtonPressed(channel,
                Senders.of(event.getUser(), event.getUserLocale()), InteractionOrigin.eventId(event), clock.instant(),
                data, event.getMessageId()));
    }
}
