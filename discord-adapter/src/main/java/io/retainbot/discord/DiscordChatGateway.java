package io.retainbot.discord;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.chat.TextParts;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.MessageCalls;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Sends through JDA's REST client (which keeps Discord's per-route buckets and waits out a 429)
 * and says what happened as a {@link SendOutcome}: 50007 "Cannot send messages to this user" and
 * unknown channels or users are unreachable; other 4xx (401, 403, 404, 400) fail for good and are
 * never retried, since Discord bans addresses that repeat invalid requests; 5xx and network trouble
 * fail retryably, and so does a guild channel while the connection is still loading its server
 * (after a restart the outbox may send before Discord has told JDA about the staff channel). Texts
 * over 2000 characters go out in parts, the buttons under the last one, each part after the first in a place
 * of its own in the budget and at its turn in the chat's pacing ({@link FurtherCalls}); a retry resumes from the
 * part that failed, the parts that went out are not sent again ({@link MessageCalls}). Mentions are never parsed.
 * A text with a topic (a staff ping) gets a thread under it, whose id is the message's; a text that
 * answers an earlier message is sent as a reply to it (and as a plain message if that one is gone). A text's
 * photo is attached to its first part; a photo no longer kept leaves the text to go out alone.
 */
final class DiscordChatGateway implements ChatGateway {
    /** The most one Discord call may take, waiting in JDA's rate limiter included. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_TEXT = 2000;
    static final int MAX_THREAD_NAME = 100;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DiscordChatGateway.class);
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_ROWS = 5;
    private static final int MAX_LABEL = 80;
    /** Mentions in a text are never resolved: a customer's words quoted to staff cannot ping @everyone or a role. */
    private static final Set<Message.MentionType> NO_MENTIONS = Set.of();
    private static final Pacing DIRECT_MESSAGE = new Pacing(5, Duration.ofSeconds(1));
    private static final Pacing STAFF_CHANNEL = new Pacing(5, Duration.ofSeconds(2));

    private final Supplier<JDA> jda;
    private final double bulkPerSecond;
    private final PhotoSource photos;

    DiscordChatGateway(Supplier<JDA> jda, double bulkPerSecond) {
        this(jda, bulkPerSecond, PhotoSource.NONE);
    }

    DiscordChatGateway(Supplier<JDA> jda, double bulkPerSecond, PhotoSource photos) {
        this.jda = jda;
        this.bulkPerSecond = bulkPerSecond;
        this.photos = photos;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        return send(channel, message, FurtherCalls.UNPACED);
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message, FurtherCalls furtherCalls) {
        try {
            Optional<MessageChannel> target = resolve(channel);
            if (target.isEmpty() && jda.get().getStatus() != JDA.Status.CONNECTED) {
                return new SendOutcome.Failed("Discord is still connecting (status " + jda.get().getStatus()
                        + "); channel " + channel.chatId() + " is not loaded yet", true);
            }
            if (target.isEmpty()) {
                return new SendOutcome.Unreachable("no such Discord channel " + channel.chatId());
            }
            if (message instanceof OutboundMessage.Edit edit) {
                String text = edit.text().length() > MAX_TEXT ? edit.text().substring(0, MAX_TEXT - 1) + "…" : edit.text();
                target.get().editMessageById(edit.messageId(), new MessageEditBuilder().setContent(text)
                        .setAllowedMentions(NO_MENTIONS).setComponents(rows(edit.buttons())).build())
                        .timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
                return new SendOutcome.Delivered(edit.messageId());
            }
            OutboundMessage.Text text = (OutboundMessage.Text) message;
            List<String> parts = TextParts.split(text.text(), MAX_TEXT);
            Optional<PhotoStore.StoredPhoto> photo = text.photo() == null ? Optional.empty()
                    : photos.photo(text.photo());
            Message sent = null;
            MessageCalls calls = new MessageCalls(furtherCalls);
            for (int i = 0; i < parts.size(); i++) {
                MessageCalls.Turn turn = calls.next();
                if (turn == MessageCalls.Turn.MADE_BEFORE) {
                    continue;
                }
                if (turn == MessageCalls.Turn.NO_PLACE) {
                    return new SendOutcome.Failed("not sent: no place in the budget for part " + (i + 1) + " of "
                            + parts.size(), true);
                }
                MessageCreateBuilder builder = new MessageCreateBuilder().setContent(parts.get(i))
                        .setAllowedMentions(NO_MENTIONS);
                if (i == 0 && photo.isPresent()) {
                    builder.addFiles(FileUpload.fromData(photo.get().content(), photo.get().uploadName()));
                }
                boolean last = i == parts.size() - 1;
                if (last) {
                    builder.setComponents(rows(text.buttons()));
                }
                MessageCreateAction action = target.get().sendMessage(builder.build());
                if (i == 0 && !text.replyTo().isEmpty()) {
                    action = action.setMessageReference(text.replyTo()).failOnInvalidReply(false);
                }
                sent = action.timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
            }
            if (sent == null) {
                // every part went out on earlier attempts (only their outcome was not written down)
                return new SendOutcome.Delivered("");
            }
            if (!text.topic().isEmpty() && sent.isFromGuild()) {
                openThread(sent, text.topic());
            }
            return new SendOutcome.Delivered(sent.getId());
        } catch (ErrorResponseException refused) {
            return outcome(refused);
        } catch (Exception trouble) {
            // also what JDA throws without declaring it: a TimeoutException when the call outlived CALL_TIMEOUT
            return new SendOutcome.Failed("network: " + trouble, true);
        }
    }

    /**
     * Opens a thread under a message just sent (its id is the message's), where staff talk about what the
     * message is about. The message itself is out; a refused thread is logged, not a failed send.
     */
    private static void openThread(Message sent, String topic) {
        String name = topic.length() > MAX_THREAD_NAME ? topic.substring(0, MAX_THREAD_NAME) : topic;
        try {
            sent.createThreadChannel(name).timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
        } catch (RuntimeException refused) {
            log.warn("message {} was sent, but Discord did not open its thread \"{}\": {}", sent.getId(), name,
                    refused.getMessage());
        }
    }

    private Optional<MessageChannel> resolve(ChannelRef channel) {
        Optional<Long> user = DiscordChannels.dmUser(channel);
        if (user.isPresent()) {
            return Optional.of(jda.get().openPrivateChannelById(user.get())
                    .timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete());
        }
        return Optional.ofNullable(jda.get().getChannelById(MessageChannel.class, channel.chatId()));
    }

    static SendOutcome outcome(ErrorResponseException refused) {
        ErrorResponse error = refused.getErrorResponse();
        String reason = refused.getErrorCode() + " " + refused.getMeaning();
        if (error == ErrorResponse.CANNOT_SEND_TO_USER || error == ErrorResponse.UNKNOWN_CHANNEL
                || error == ErrorResponse.UNKNOWN_USER) {
            return new SendOutcome.Unreachable(reason);
        }
        // Decide by HTTP status: Discord answers 401 and 404 with code 0, which JDA reads as a server error.
        // A status below 1 is no answer at all (JDA reports an I/O failure as -1): network trouble, retried.
        int status = refused.getResponse() == null ? 0 : refused.getResponse().code;
        boolean serverTrouble = status >= 500 || status <= 0;
        return new SendOutcome.Failed("HTTP " + status + " " + reason, serverTrouble);
    }

    /** Buttons as action rows: at most five to a row and five rows, labels cut to Discord's 80 characters. */
    static List<ActionRow> rows(List<List<Button>> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        for (List<Button> row : buttons) {
            for (int start = 0; start < row.size() && rows.size() < MAX_ROWS; start += MAX_BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row.subList(start, Math.min(row.size(), start + MAX_BUTTONS_PER_ROW)).stream()
                        .map(button -> net.dv8tion.jda.api.components.buttons.Button.secondary(button.data(),
                                label(button.label())))
                        .toList()));
            }
        }
        return rows;
    }

    private static String label(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    @Override
    public Pacing pacing(ChannelRef channel) {
        return DiscordChannels.dmUser(channel).isPresent() ? DIRECT_MESSAGE : STAFF_CHANNEL;
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
