package io.retainbot.discord;

import io.retainbot.core.conversation.InboundEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * A submitted form: its id and, per field, the typed text or the chosen option. Fields of other
 * kinds (file uploads, checkboxes) are dropped: our forms do not use them.
 */
final class ModalTranslator {
    private final StaffScope staff;
    private final Clock clock;

    ModalTranslator(StaffScope staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(ModalInteractionEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ModalMapping mapping : event.getValues()) {
            value(mapping).ifPresent(value -> fields.put(mapping.getCustomId(), value));
        }
        return InteractionOrigin.channel(event, staff).map(channel -> new InboundEvent.FormSubmitted(channel,
                Senders.of(event.getUser(), event.getUserLocale()), InteractionOrigin.eventId(event), clock.instant(),
                event.getModalId(), fields));
    }

    private static Optional<String> value(ModalMapping mapping) {
        if (mapping.getType() == Component.Type.TEXT_INPUT) {
            return Optional.of(mapping.getAsString());
        }
        if (mapping.getType() == Component.Type.STRING_SELECT) {
            List<String> chosen = mapping.getAsStringList();
            return Optional.of(chosen.isEmpty() ? "" : chosen.get(0));
        }
        return Optional.empty();
    }
}
