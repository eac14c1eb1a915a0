package io.retainbot.telegram;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Turns one Bot API update into the core event it means, or nothing: private chats and the staff
 * group are read; other groups, channels, inline queries, bots and service messages are dropped
 * here, before they reach the engine. A reply names the message it answers (in the staff group, a
 * reply to a ping is an answer to the customer). The event id is the update id, so a re-delivered update
 * is recognised by the inbox.
 */
final class UpdateTranslator {
    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?(\\s|$)");
    private final Optional<String> staffChatId;
    private final Clock clock;

    UpdateTranslator(Optional<String> staffChatId, Clock clock) {
        this.staffChatId = staffChatId;
        this.clock = clock;
    }

    Optional<InboundEvent> translate(Update update) {
        if (update == null || update.getUpdateId() == null) {
            return Optional.empty();
        }
        String eventId = "u" + update.getUpdateId();
        Instant now = clock.instant();
        if (update.hasMessage()) {
            return message(update.getMessage(), eventId, now);
        }
        if (update.hasEditedMessage()) {
            return edited(update.getEditedMessage(), eventId, now);
        }
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery(), eventId, now);
        }
        if (update.hasMyChatMember()) {
            return membership(update.getMyChatMember(), eventId, now);
        }
        return Optional.empty();
    }

    private Optional<InboundEvent> message(Message message, String eventId, Instant now) {
        Optional<ChannelRef> channel = channel(message.getChat().getId(), message.isUserMessage());
        if (channel.isEmpty() || !isPerson(message.getFrom())) {
            return Optional.empty();
        }
        Sender sender = sender(message.getFrom());
        List<FileRef> files = files(message);
        String replyTo = message.getReplyToMessage() == null || message.getReplyToMessage().getMessageId() == null
                ? "" : String.valueOf(message.getReplyToMessage().getMessageId());
        if (!files.isEmpty()) {
            return Optional.of(new InboundEvent.AttachmentReceived(channel.get(), sender, eventId, now, files,
                    message.getCaption(), replyTo));
        }
        String text = Objects.requireNonNullElse(message.getText(), "");
        if (isCommand(message, text)) {
            return Optional.of(command(channel.get(), sender, eventId, now, text, replyTo));
        }
        // A sticker, location or contact arrives as empty text: the engine answers what it can do.
        return Optional.of(new InboundEvent.TextReceived(channel.get(), sender, eventId, now, text, replyTo));
    }

    /** A bot command: Telegram marks it with an entity at offset 0; a typed "/word" counts too. */
    private static boolean isCommand(Message message, String text) {
        boolean marked = message.hasEntities() && message.getEntities().stream().anyMatch(entity ->
                entity != null && Integer.valueOf(0).equals(entity.getOffset()) && "bot_command".equals(entity.getType()));
        return marked || COMMAND.matcher(text).lookingAt();
    }

    private static InboundEvent command(ChannelRef channel, Sender sender, String eventId, Instant now, String text,
                                        String replyTo) {
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].substring(1);
        int mention = name.indexOf('@');
        if (mention >= 0) {
            name = name.substring(0, mention);
        }
        return new InboundEvent.CommandReceived(channel, sender, eventId, now, name.isEmpty() ? "help" : name,
                parts.length > 1 ? parts[1] : "", replyTo);
    }

    private Optional<InboundEvent> edited(Message message, String eventId, Instant now) {
        Optional<ChannelRef> channel = channel(message.getChat().getId(), message.isUserMessage());
        if (channel.isEmpty() || !isPerson(message.getFrom())) {
            return Optional.empty();
        }
        String text = Objects.requireNonNullElse(message.getText(), Objects.requireNonNullElse(message.getCaption(), ""));
        return Optional.of(new InboundEvent.MessageEdited(channel.get(), sender(message.getFrom()), eventId, now,
                String.valueOf(message.getMessageId()), text));
    }

    private Optional<InboundEvent> callback(CallbackQuery query, String eventId, Instant now) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || message.getChat() == null || query.getData() == null || !isPerson(query.getFrom())) {
            return Optional.empty();
        }
        return channel(message.getChat().getId(), message.isUserMessage())
                .map(channel -> new InboundEvent.ButtonPressed(channel, sender(query.getFrom()), eventId, now,
                        query.getData(), String.valueOf(message.getMessageId())));
    }

    private Optional<InboundEvent> membership(ChatMemberUpdated change, String eventId, Instant now) {
        if (change.getChat() == null || !change.getChat().isUserChat() || change.getNewChatMember() == null
                || !isPerson(change.getFrom())) {
            return Optional.empty();
        }
        String status = change.getNewChatMember().getStatus();
        boolean blocked = status.equals("kicked") || status.equals("left");
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, String.valueOf(change.getChat().getId()));
        return Optional.of(new InboundEvent.BotBlocked(channel, sender(change.getFrom()), eventId, now, blocked));
    }

    /** Private chats always; groups only when they are the staff group. */
    private Optional<ChannelRef> channel(Long chatId, boolean privateChat) {
        if (chatId == null) {
            return Optional.empty();
        }
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, String.valueOf(chatId));
        if (privateChat || channel.equals(staffChannel().orElse(null))) {
            return Optional.of(channel);
        }
        return Optional.empty();
    }

    private Optional<ChannelRef> staffChannel() {
        return staffChatId.map(id -> new ChannelRef(Platform.TELEGRAM, id));
    }

    private static boolean isPerson(User user) {
        return user != null && user.getId() != null && !Boolean.TRUE.equals(user.getIsBot());
    }

    private static Sender sender(User user) {
        String name = (Objects.requireNonNullElse(user.getFirstName(), "") + " "
                + Objects.requireNonNullElse(user.getLastName(), "")).strip();
        return new Sender(String.valueOf(user.getId()), name, user.getLanguageCode());
    }

    private static List<FileRef> files(Message message) {
        List<FileRef> files = new ArrayList<>();
        if (message.hasPhoto()) {
            message.getPhoto().stream()
                    .max(Comparator.comparingLong(UpdateTranslator::pixels))
                    .ifPresent(photo -> files.add(new FileRef(photo.getFileId(), FileRef.Kind.PHOTO, "image/jpeg",
                            photo.getFileSize() == null ? 0 : photo.getFileSize(), "")));
        }
        if (message.hasDocument()) {
            var document = message.getDocument();
            files.add(new FileRef(document.getFileId(), FileRef.Kind.DOCUMENT, document.getMimeType(),
                    size(document.getFileSize()), document.getFileName()));
        }
        if (message.hasVideo()) {
            var video = message.getVideo();
            files.add(new FileRef(video.getFileId(), FileRef.Kind.VIDEO, video.getMimeType(), size(video.getFileSize()),
                    video.getFileName()));
        }
        if (message.hasAudio()) {
            var audio = message.getAudio();
            files.add(new FileRef(audio.getFileId(), FileRef.Kind.AUDIO, audio.getMimeType(), size(audio.getFileSize()),
                    audio.getFileName()));
        }
        if (message.hasVoice()) {
            var voice = message.getVoice();
            files.add(new FileRef(voice.getFileId(), FileRef.Kind.AUDIO, voice.getMimeType(), size(voice.getFileSize()),
                    "voice message"));
        }
        return files;
    }

    private static long pixels(PhotoSize photo) {
        return (long) Objects.requireNonNullElse(photo.getWidth(), 0) * Objects.requireNonNullElse(photo.getHeight(), 0);
    }

    private static long size(Long bytes) {
        return bytes == null ? 0 : Math.max(0, bytes);
    }
}
