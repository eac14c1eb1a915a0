package io.retainbot.core.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a platform adapter hands the engine: a small closed family of platform-neutral events.
 * Every event names its chat, its sender, the platform's own id for it (the inbox key together
 * with the platform) and when it was received.
 */
public sealed interface InboundEvent {
    ChannelRef channel();

    Sender sender();

    /** The platform's id for this event (Telegram update id, Discord message or interaction id). */
    String eventId();

    Instant receivedAt();

    /** The stored name of this kind of event (inbox, interaction log): fixed, never derived from a class name. */
    String kind();

    default Platform platform() {
        return channel().platform();
    }

    /**
     * Plain text the user typed.
     *
     * @param replyTo the platform id of the message this one answers: a Telegram reply, or the message a
     *                Discord thread was started from; empty for none
     */
    record TextReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt, String text,
                        String replyTo) implements InboundEvent {
        public TextReceived {
            Checks.common(channel, sender, eventId, receivedAt);
            text = Objects.requireNonNullElse(text, "");
            replyTo = Objects.requireNonNullElse(replyTo, "");
        }

        /** Text that answers no message in particular. */
        public TextReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt, String text) {
            this(channel, sender, eventId, receivedAt, text, "");
        }

        @Override
        public String kind() {
            return "text_received";
        }
    }

    /**
     * A command such as {@code /complaint}; {@code name} is lower case without the slash or
     * {@code @botname}, {@code argument} is the rest of the line (may be empty); {@code replyTo} as for
     * {@link TextReceived}.
     */
    record CommandReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                           String name, String argument, String replyTo) implements InboundEvent {
        public CommandReceived {
            Checks.common(channel, sender, eventId, receivedAt);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("command name must not be blank");
            }
            argument = Objects.requireNonNullElse(argument, "");
            replyTo = Objects.requireNonNullElse(replyTo, "");
        }

        /** A command that answers no message in particular. */
        public CommandReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt, String name,
                               String argument) {
            this(channel, sender, eventId, receivedAt, name, argument, "");
        }

        @Override
        public String kind() {
            return "command_received";
        }
    }

    /**
     * A button pressed on an earlier bot message.
     *
     * @param data      the button's data as the bot sent it (may be forged: never trust it)
     * @param messageId the platform id of the message that carried the button, may be empty
     */
    record ButtonPressed(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                         String data, String messageId) implements InboundEvent {
        public ButtonPressed {
            Checks.common(channel, sender, eventId, receivedAt);
            data = Objects.requireNonNullElse(data, "");
            messageId = Objects.requireNonNullElse(messageId, "");
        }

        @Override
        public String kind() {
            return "button_pressed";
        }
    }

    /**
     * One or more files, with the caption the user wrote (may be empty); {@code replyTo} as for
     * {@link TextReceived}.
     */
    record AttachmentReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                              List<FileRef> files, String caption, String replyTo) implements InboundEvent {
        public AttachmentReceived {
            Checks.common(channel, sender, eventId, receivedAt);
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("an attachment event needs at least one file");
            }
            caption = Objects.requireNonNullElse(caption, "");
            replyTo = Objects.requireNonNullElse(replyTo, "");
        }

        /** Files that answer no message in particular. */
        public AttachmentReceived(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                                  List<FileRef> files, String caption) {
            this(channel, sender, eventId, receivedAt, files, caption, "");
        }

        @Override
        public String kind() {
            return "attachment_received";
        }
    }

    /**
     * A form the platform showed as one step (a Discord modal), submitted with its fields.
     *
     * @param formId the form's id as the bot opened it
     * @param fields field id to entered value
     */
    record FormSubmitted(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                         String formId, Map<String, String> fields) implements InboundEvent {
        public FormSubmitted {
            Checks.common(channel, sender, eventId, receivedAt);
            formId = Objects.requireNonNullElse(formId, "");
            fields = Map.copyOf(fields);
        }

        @Override
        public String kind() {
            return "form_submitted";
        }
    }

    /** The user opened the chat with the bot for the first time (no text of their own yet). */
    record ConversationStarted(ChannelRef channel, Sender sender, String eventId, Instant receivedAt)
            implements InboundEvent {
        public ConversationStarted {
            Checks.common(channel, sender, eventId, receivedAt);
        }

        @Override
        public String kind() {
            return "conversation_started";
        }
    }

    /** The user blocked ({@code blocked = true}) or unblocked the bot. */
    record BotBlocked(ChannelRef channel, Sender sender, String eventId, Instant receivedAt, boolean blocked)
            implements InboundEvent {
        public BotBlocked {
            Checks.common(channel, sender, eventId, receivedAt);
        }

        @Override
        public String kind() {
            return "bot_blocked";
        }
    }

    /** The user changed the text of a message they sent earlier; recorded, not re-run. */
    record MessageEdited(ChannelRef channel, Sender sender, String eventId, Instant receivedAt,
                         String messageId, String text) implements InboundEvent {
        public MessageEdited {
            Checks.common(channel, sender, eventId, receivedAt);
            messageId = Objects.requireNonNullElse(messageId, "");
            text = Objects.requireNonNullElse(text, "");
        }

        @Override
        public String kind() {
            return "message_edited";
        }
    }

    /**
     * Something fell due for the customer of this chat (see {@link DueEvent}): the bot starts a
     * conversation. The sender is the customer as the chat's platform knows them; nobody typed anything.
     *
     * @param dueKind which bot-initiated flow to start
     * @param data    what that flow needs
     */
    record Scheduled(ChannelRef channel, Sender sender, String eventId, Instant receivedAt, String dueKind,
                     Map<String, String> data) implements InboundEvent {
        public Scheduled {
            Checks.common(channel, sender, eventId, receivedAt);
            Objects.requireNonNull(dueKind, "dueKind");
            data = Map.copyOf(data);
        }

        @Override
        public String kind() {
            return "scheduled";
        }
    }

    final class Checks {
        private Checks() {
        }

        static void common(ChannelRef channel, Sender sender, String eventId, Instant receivedAt) {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (eventId == null || eventId.isBlank()) {
                throw new IllegalArgumentException("eventId must not be blank");
            }
        }
    }
}
