package io.retainbot.core.engine;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.customer.Interaction;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What goes into the interaction log for an inbound event. */
final class Interactions {
    private Interactions() {
    }

    /** @param labels the label the customer saw on a button, by its data, when known */
    static Interaction inbound(Long customerId, InboundEvent event, Function<String, Optional<String>> labels,
                               Instant now) {
        return Interaction.inbound(customerId, event.channel(), event.kind(), messageId(event),
                summary(event, labels), now);
    }


    private static String messageId(InboundEvent event) {
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            return pressed.messageId();
        }
        if (event instanceof InboundEvent.MessageEdited edited) {
            return edited.messageId();
        }
        return null;
    }

    private static String summary(InboundEvent event, Function<String, Optional<String>> labels) {
        String summary;
        if (event instanceof InboundEvent.TextReceived text) {
            summary = text.text();
        } else if (event instanceof InboundEvent.CommandReceived command) {
            summary = ("/" + command.name() + " " + command.argument()).strip();
        } else if (event instanceof InboundEvent.ButtonPressed pressed) {
            summary = labels.apply(pressed.data()).orElse("button " + pressed.data());
        } else if (event instanceof InboundEvent.AttachmentReceived attachment) {
            summary = attachment.files().stream().map(file -> file.kind().name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + (attachment.caption().isBlank() ? "" : ": " + attachment.caption());
        } else if (event instanceof InboundEvent.FormSubmitted form) {
            summary = "form " + form.formId();
        } else if (event instanceof InboundEvent.MessageEdited edited) {
            summary = edited.text();
        } else if (event instanceof InboundEvent.BotBlocked blocked) {
            summary = blocked.blocked() ? "blocked the bot" : "unblocked the bot";
        } else {
            summary = "";
        }
        return Interaction.summaryOf(summary);
    }
}
