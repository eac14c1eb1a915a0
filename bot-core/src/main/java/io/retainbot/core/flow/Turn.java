package io.retainbot.core.flow;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.i18n.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything a flow sees in one turn: the event, where the conversation stands, who it is with, and now. */
public record Turn(InboundEvent event, Conversation conversation, CustomerCard customer, Texts texts, Instant now,
                   BusinessConfig business, ComplaintLookup complaints) {
    public Turn {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(complaints, "complaints");
    }

    /** The same turn with the texts of another language (same tone), as after a switch of language. */
    public Turn inLanguage(String language) {
        return new Turn(event, conversation, customer, texts.inLanguage(language), now, business, complaints);
    }

    /** The typed text, trimmed; empty for other events. */
    public Optional<String> text() {
        if (event instanceof InboundEvent.TextReceived received) {
            return Optional.of(received.text().strip());
        }
        return Optional.empty();
    }

    /** The pressed button's data; empty for other events. */
    public Optional<String> button() {
        if (event instanceof InboundEvent.ButtonPressed pressed) {
            return Optional.of(pressed.data());
        }
        return Optional.empty();
    }

    public boolean pressed(String data) {
        return button().filter(data::equals).isPresent();
    }

    /** The files of an attachment event; empty otherwise. */
    public List<FileRef> files() {
        if (event instanceof InboundEvent.AttachmentReceived attachment) {
            return attachment.files();
        }
        return List.of();
    }

    /** The caption of an attachment event, trimmed; empty otherwise. */
    public String caption() {
        if (event instanceof InboundEvent.AttachmentReceived attachment) {
            return attachment.caption().strip();
        }
        return "";
    }

    /** The current state as the flow's enum; a state no longer known reads as {@code fallback}. */
    public <E extends Enum<E>> E state(Class<E> states, E fallback) {
        try {
            return Enum.valueOf(states, conversation.state());
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
