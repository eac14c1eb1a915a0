package io.retainbot.discord;

import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.FileRef;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.conversation.Sender;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/**
 * A new message: in a DM with the bot it is the customer's chat (keyed by user id); in the staff
 * channel or its threads it goes to the staff channel reference; anywhere else, from a bot, a
 * webhook or the system, it is dropped. A DM that starts with {@code /word} (typed, not picked from
 * the command list) is a command, files are attachments with the text as caption.
 */
final class MessageTranslator {
    private static final Pattern TYPED_COMMAND = Pattern.compile("/([A-Za-z]{1,32})(?:\\s+(.*))?", Pattern.DOTALL);

    private final StaffScope staff;
    private final Clock clock;

    MessageTranslator(StaffScope staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage() || !isUserMessage(message.getType())) {
            return Optional.empty();
        }
        boolean direct = event.isFromType(ChannelType.PRIVATE);
        Optional<ChannelRef> channel = direct ? Optional.of(new DiscordAddress.DirectMessage(author.getIdLong()).ref())
                : staff.refFor(event.getChannel());
        return channel.map(ref -> toEvent(ref, Senders.of(author), message, direct));
    }

    private InboundEvent toEvent(ChannelRef channel, Sender sender, Message message, boolean direct) {
        String eventId = "message:" + message.getId();
        String text = message.getContentRaw();
        if (!message.getAttachments().isEmpty()) {
            List<FileRef> files = message.getAttachments().stream().map(MessageTranslator::file).toList();
            return new InboundEvent.AttachmentReceived(channel, sender, eventId, clock.instant(), files, text);
        }
        Matcher command = TYPED_COMMAND.matcher(text.strip());
        if (direct && command.matches()) {
            return new InboundEvent.CommandReceived(channel, sender, eventId, clock.instant(),
                    command.group(1).toLowerCase(Locale.ROOT), command.group(2));
        }
        return new InboundEvent.TextReceived(channel, sender, eventId, clock.instant(), text);
    }

    private static boolean isUserMessage(MessageType type) {
        return type == MessageType.DEFAULT || type == MessageType.INLINE_REPLY;
    }

    static FileRef file(Message.Attachment attachment) {
        String mediaType = attachment.getContentType() == null ? "" : attachment.getContentType();
        FileRef.Kind kind;
        if (attachment.isImage()) {
            kind = FileRef.Kind.PHOTO;
        } else if (attachment.isVideo()) {
            kind = FileRef.Kind.VIDEO;
        } else if (mediaType.startsWith("audio/")) {
            kind = FileRef.Kind.AUDIO;
        } else {
            kind = FileRef.Kind.DOCUMENT;
        }
        return new FileRef(attachment.getUrl(), kind, mediaType, Math.max(0, attachment.getSize()),
                attachment.getFileName());
    }
}
