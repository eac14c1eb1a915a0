package io.retainbot.telegram;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.chat.TextParts;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.MessageCalls;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Sends to Telegram and says what happened as a {@link SendOutcome}: 429 is rate limited for
 * exactly {@code retry_after}; a blocked, deactivated or unknown chat is unreachable; other 4xx
 * fail for good; 5xx and network trouble fail retryably. Texts over 4096 characters go out in
 * parts, the buttons under the last one, and the last part's id is the message's; each part after the
 * first waits for its own place in the budget and its turn in the chat's pacing ({@link FurtherCalls}). If a later
 * part fails (or gets no place), the outcome is that part's, and a retry resumes from it: the parts that went out
 * are not sent again ({@link MessageCalls}). A text that answers an earlier message goes out as a reply
 * to it (and as a plain message if that one was deleted). A text with a photo goes out with sendPhoto: the
 * text as its caption with the buttons under it, or, for a text longer than a caption may be, the photo
 * first and then the text with its buttons. The photo is uploaded once; later sends name the file id
 * Telegram gave it; a photo that came from Telegram (a customer's, a staff member's) is named by its own file id
 * and never uploaded. A photo no longer kept leaves the text to go out alone.
 */
final class TelegramChatGateway implements ChatGateway {
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final Pacing PRIVATE_CHAT = new Pacing(3, Duration.ofSeconds(1));
    /** Twenty a minute, without a burst: a burst on top would let a group see more than twenty in one minute. */
    private static final Pacing GROUP_CHAT = new Pacing(1, Duration.ofSeconds(3));

    private final BotApi api;
    private final double bulkPerSecond;
    private final boolean paidBroadcast;
    private final PhotoSource photos;
    /** The file id Telegram gave each photo we uploaded, by the photo's key: uploaded once, named after. */
    private final Map<String, String> uploaded = new ConcurrentHashMap<>();

    TelegramChatGateway(BotApi api, double bulkPerSecond, boolean paidBroadcast) {
        this(api, bulkPerSecond, paidBroadcast, PhotoSource.NONE);
    }

    TelegramChatGateway(BotApi api, double bulkPerSecond, boolean paidBroadcast, PhotoSource photos) {
        this.api = api;
        this.bulkPerSecond = bulkPerSecond;
        this.paidBroadcast = paidBroadcast;
        this.photos = photos;
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        return send(channel, message, FurtherCalls.UNPACED);
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message, FurtherCalls furtherCalls) {
        try {
            if (message instanceof OutboundMessage.Edit edit) {
                return edit(channel, edit);
            }
            OutboundMessage.Text text = (OutboundMessage.Text) message;
            MessageCalls calls = new MessageCalls(furtherCalls);
            if (text.photo() != null && text.photo().origin() == Photo.Origin.TELEGRAM) {
                return sendPhoto(channel, text, new InputFile(text.photo().key()), text.photo(), calls);
            }
            if (text.photo() != null) {
                String known = uploaded.get(text.photo().identity());
                if (known != null) {
                    return sendPhoto(channel, text, new InputFile(known), text.photo(), calls);
                }
                Optional<PhotoStore.StoredPhoto> photo = photos.photo(text.photo());
                if (photo.isPresent()) {
                    return sendPhoto(channel, text, new InputFile(new ByteArrayInputStream(photo.get().content()),
                            photo.get().uploadName()), text.photo(), calls);
                }
            }
            return sendText(channel, text, calls);
        } catch (TelegramApiRequestException refused) {
            return outcome(refused);
        } catch (TelegramApiException | RuntimeException trouble) {
            return new SendOutcome.Failed("network: " + trouble.getMessage(), true);
        }
    }

    private SendOutcome sendText(ChannelRef channel, OutboundMessage.Text text, MessageCalls calls)
            throws TelegramApiException {
        List<String> parts = TextParts.split(text.text(), MAX_TEXT);
        Message sent = null;
        for (int i = 0; i < parts.size(); i++) {
            MessageCalls.Turn turn = calls.next();
            if (turn == MessageCalls.Turn.MADE_BEFORE) {
                continue;
            }
            if (turn == MessageCalls.Turn.NO_PLACE) {
                return new SendOutcome.Failed("not sent: no place in the budget for part " + (i + 1) + " of "
                        + parts.size(), true);
            }
            boolean last = i == parts.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder().chatId(channel.chatId()).text(parts.get(i));
            if (i == 0 && isMessageId(text.replyTo())) {
                request.replyParameters(ReplyParameters.builder().messageId(Integer.valueOf(text.replyTo()))
                        .allowSendingWithoutReply(true).build());
            }
            if (last && !text.buttons().isEmpty()) {
                request.replyMarkup(keyboard(text.buttons()));
            }
            if (paidBroadcast) {
                request.allowPaidBroadcast(true);
            }
            sent = api.execute(request.build());
        }
        // every part went out on earlier attempts (only their outcome was not written down): nothing to repeat
        return new SendOutcome.Delivered(sent == null ? "" : String.valueOf(sent.getMessageId()));
    }

    private SendOutcome sendPhoto(ChannelRef channel, OutboundMessage.Text text, InputFile file, Photo photo,
                                  MessageCalls calls) throws TelegramApiException {
        boolean captioned = text.text().length() <= MAX_CAPTION;
        MessageCalls.Turn turn = calls.next();
        if (turn == MessageCalls.Turn.MADE_BEFORE) {
            return captioned ? new SendOutcome.Delivered("")
                    : sendText(channel, new OutboundMessage.Text(text.text(), text.buttons()), calls);
        }
        SendPhoto.SendPhotoBuilder<?, ?> request = SendPhoto.builder().chatId(channel.chatId()).photo(file);
        if (isMessageId(text.replyTo())) {
            request.replyParameters(ReplyParameters.builder().messageId(Integer.valueOf(text.replyTo()))
                    .allowSendingWithoutReply(true).build());
        }
        if (captioned) {
            request.caption(text.text());
            if (!text.buttons().isEmpty()) {
                request.replyMarkup(keyboard(text.buttons()));
            }
        }
        if (paidBroadcast) {
            request.allowPaidBroadcast(true);
        }
        Message sent = api.sendPhoto(request.build());
        if (file.isNew() && sent.getPhoto() != null && !sent.getPhoto().isEmpty()) {
            uploaded.put(photo.identity(), sent.getPhoto().get(sent.getPhoto().size() - 1).getFileId());
        }
        if (captioned) {
            return new SendOutcome.Delivered(String.valueOf(sent.getMessageId()));
        }
        return sendText(channel, new OutboundMessage.Text(text.text(), text.buttons()), calls);
    }

    private SendOutcome edit(ChannelRef channel, OutboundMessage.Edit edit) throws TelegramApiException {
        String text = edit.text().length() > MAX_TEXT ? edit.text().substring(0, MAX_TEXT - 1) + "…" : edit.text();
        EditMessageText.EditMessageTextBuilder<?, ?> request = EditMessageText.builder().chatId(channel.chatId())
                .messageId(Integer.valueOf(edit.messageId())).text(text);
        if (!edit.buttons().isEmpty()) {
            request.replyMarkup(keyboard(edit.buttons()));
        }
        try {
            api.execute(request.build());
        } catch (TelegramApiRequestException refused) {
            if (refused.getErrorCode() != null && refused.getErrorCode() == 400 && refused.getApiResponse() != null
                    && refused.getApiResponse().contains("message is not modified")) {
                return new SendOutcome.Delivered(edit.messageId());
            }
            throw refused;
        }
        return new SendOutcome.Delivered(edit.messageId());
    }

    private static boolean isMessageId(String id) {
        return !id.isEmpty() && id.length() <= 10 && id.chars().allMatch(Character::isDigit)
                && Long.parseLong(id) <= Integer.MAX_VALUE;
    }

    static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> keyboard = InlineKeyboardMarkup.builder();
        for (List<Button> row : rows) {
            keyboard.keyboardRow(new InlineKeyboardRow(row.stream()
                    .map(button -> InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build())
                    .toList()));
        }
        return keyboard.build();
    }

    static SendOutcome outcome(TelegramApiRequestException refused) {
        int code = refused.getErrorCode() == null ? 0 : refused.getErrorCode();
        String description = refused.getApiResponse() == null ? refused.getMessage() : refused.getApiResponse();
        String lower = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (code == 429) {
            Integer retryAfter = refused.getParameters() == null ? null : refused.getParameters().getRetryAfter();
            return new SendOutcome.RateLimited(Duration.ofSeconds(retryAfter == null ? 5 : Math.max(1, retryAfter)));
        }
        if (code == 403 || lower.contains("chat not found") || lower.contains("user is deactivated")) {
            return new SendOutcome.Unreachable(code + " " + description);
        }
        if (code >= 500 || code == 0) {
            return new SendOutcome.Failed(code + " " + description, true);
        }
        return new SendOutcome.Failed(code + " " + description, false);
    }

    @Override
    public Pacing pacing(ChannelRef channel) {
        return channel.chatId().startsWith("-") ? GROUP_CHAT : PRIVATE_CHAT;
    }

    @Override
    public double bulkPerSecond() {
        return bulkPerSecond;
    }

    @Override
    public boolean takesPhotos() {
        return true;
    }
}
