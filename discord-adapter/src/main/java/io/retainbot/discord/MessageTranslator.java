package io.retainbot.discord;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Sender;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Turns messages into core events: direct messages from people, and messages in the staff channel
 * or its threads. Bots (ourselves included), system messages and other channels are dropped here.
 * Discord sends no language with a message; the customer's stored language applies.
 */
final class MessageTranslator {
    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z0-9_]{1,32}(\\s|$)");

    private final DiscordChannels channels;
    private final Clock clock;

    MessageTranslator(DiscordChannels channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    Optional<InboundEvent> received(Message message) {
        Optional<ChannelRef> channel = chat(message);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Sender sender = sender(message.getAuthor());
        String eventId = "m" + message.getId();
        String text = message.getContentRaw();
        String replyTo = answers(message);
        List<FileRef> files = message.getAttachments().stream().map(MessageTranslator::file).toList();
        if (!files.isEmpty()) {
            return Optional.of(new InboundEvent.AttachmentReceived(channel.get(), sender, eventId, clock.instant(),
                    files, text, replyTo));
        }
        if (COMMAND.matcher(text).lookingAt()) {
            String[] parts = text.strip().substring(1).split("\\s+", 2);
            return Optional.of(new InboundEvent.CommandReceived(channel.get(), sender, eventId, clock.instant(),
                    parts[0], parts.length > 1 ? parts[1] : "", replyTo));
        }
        return Optional.of(new InboundEvent.TextReceived(channel.get(), sender, eventId, clock.instant(), text,
                replyTo));
    }

    /**
     * The bot message this one answers: in a thread, the message the thread was started from (a thread's id
     * is its first message's); elsewhere the message it replies to, if any.
     */
    private static String answers(Message message) {
        if (message.getChannel().getType().isThread()) {
            return message.getChannel().getId();
        }
        return message.getMessageReference() == null ? "" : message.getMessageReference().getMessageId();
    }

    Optional<InboundEvent> edited(Message message) {
        Optional<ChannelRef> channel = chat(message);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        String edition = message.getTimeEdited() == null ? "" : String.valueOf(message.getTimeEdited().toInstant().toEpochMilli());
        return Optional.of(new InboundEvent.MessageEdited(channel.get(), sender(message.getAuthor()),
                "e" + message.getId() + "." + edition, clock.instant(), message.getId(), message.getContentRaw()));
    }

    private Optional<ChannelRef> chat(Message message) {
        User author = message.getAuthor();
        if (author.isBot() || author.isSystem() || message.getType().isSystem()) {
            return Optional.empty();
        }
        MessageChannel channel = message.getChannel();
        if (channel.getType() == ChannelType.PRIVATE) {
            return Optional.of(DiscordChannels.directMessage(author.getId()));
        }
        String parent = channel.getType().isThread() ? message.getChannel().asThreadChannel().getParentChannel().getId() : "";
        return channels.staff(channel.getId(), parent);
    }

    static Sender sender(User user) {
        return new Sender(user.getId(), user.getEffectiveName(), "");
    }

    private static FileRef file(Message.Attachment attachment) {
        FileRef.Kind kind = attachment.isImage() ? FileRef.Kind.PHOTO
                : attachment.isVideo() ? FileRef.Kind.VIDEO
                : attachment.getContentType() != null && attachment.getContentType().startsWith("audio/")
                ? FileRef.Kind.AUDIO : FileRef.Kind.DOCUMENT;
        return new FileRef(attachment.getUrl(), kind, attachment.getContentType(), attachment.getSize(),
                attachment.getFileName());
    }
}
