package io.retainbot.discord;

import io.retainbot.core.conversation.Button;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.OutboundMessage;
import io.retainbot.core.conversation.Pacing;
import io.retainbot.core.conversation.Platform;
import io.retainbot.core.conversation.SendOutcome;
import io.retainbot.core.port.ChatGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to Discord: to a customer's DM (chat id = user id, the DM channel opened on the way) or to
 * a guild channel or thread ({@code channel:<id>}, the staff channel and its threads). Buttons go out
 * as action rows (at most 5 per row, 5 rows; a button's custom id is its data). Texts over 2000
 * characters go out in parts, the buttons under the last. Mentions are never parsed, so a customer's
 * text quoted back cannot ping anyone.
 *
 * <p>JDA keeps to Discord's per-route buckets and waits out a 429 itself. What comes back is mapped
 * to one outcome: 50007 (cannot send messages to this user: DMs closed, no shared server, blocked)
 * and unknown channel or user are unreachable; 401, 403 and 404 fail for good and are never repeated
 * (Discord bans an IP after 10,000 invalid requests in 10 minutes); a 429 that JDA hands back is
 * rate limited; 5xx and network trouble fail retryably.
 */
final class DiscordChatGateway implements ChatGateway {
    static final int MAX_TEXT = Message.MAX_CONTENT_LENGTH;
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_ROWS = 5;
    private static final int MAX_LABEL = 80;
    /** Discord allows about 5 messages per 5 seconds in one channel. */
    private static final Pacing CHANNEL = new Pacing(5, Duration.ofSeconds(1));
    private static final Logger log = LoggerFactory.getLogger(DiscordChatGateway.class);

    private final AtomicReference<DiscordConnection> connection = new AtomicReference<>();
    private final double bulkPerSecond;

    DiscordChatGateway(double bulkPerSecond) {
        this.bulkPerSecond = bulkPerSecond;
    }

    void connectedThrough(DiscordConnection discord) {
        connection.set(discord);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        DiscordConnection discord = connection.get();
        if (discord == null) {
            return new SendOutcome.Failed("Discord is not connected yet", true);
        }
        try {
            Optional<MessageChannel> target = target(discord, DiscordAddress.of(channel));
            if (target.isEmpty()) {
                return new SendOutcome.Failed("channel " + channel.chatId() + " is not in the bot's view (unknown, or its "
                        + "server is not loaded yet)", true);
            }
            if (message instanceof OutboundMessage.Edit edit) {
                return edit(target.get(), edit);
            }
            return sendText(target.get(), (OutboundMessage.Text) message);
        } catch (ErrorResponseException refused) {
            return outcome(refused);
        } catch (RuntimeException trouble) {
            return new SendOutcome.Failed("network: " + trouble, true);
        }
    }

    private static Optional<MessageChannel> target(DiscordConnection discord, DiscordAddress address)
            {
        if (address instanceof DiscordAddress.DirectMessage direct) {
            return Optional.of(discord.openDirectMessage(direct.userId()).complete());
        }
        return discord.guildChannel(((DiscordAddress.GuildChannel) address).channelId()).map(MessageChannel.class::cast);
    }

    private static SendOutcome sendText(MessageChannel target, OutboundMessage.Text text) {
        List<String> parts = TextSplitter.split(text.text(), MAX_TEXT);
        Message sent = null;
        for (int i = 0; i < parts.size(); i++) {
            MessageCreateBuilder request = new MessageCreateBuilder().setContent(parts.get(i)).setAllowedMentions(Set.of());
            if (i == parts.size() - 1) {
                request.setComponents(rows(text.buttons()));
            }
            sent = target.sendMessage(request.build()).complete();
        }
        return new SendOutcome.Delivered(sent.getId());
    }

    private static SendOutcome edit(MessageChannel target, OutboundMessage.Edit edit) {
        String text = edit.text().length() > MAX_TEXT ? edit.text().substring(0, MAX_TEXT - 1) + "…" : edit.text();
        MessageEditBuilder request = new MessageEditBuilder().setContent(text).setAllowedMentions(Set.of())
                .setComponents(rows(edit.buttons()));
        target.editMessageById(edit.messageId(), request.build()).complete();
        return new SendOutcome.Delivered(edit.messageId());
    }

    /** The buttons as action rows: rows longer than 5 wrap, more than 5 rows are cut, repeated data is dropped. */
    static List<ActionRow> rows(List<List<Button>> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<Button> row : buttons) {
            List<net.dv8tion.jda.api.components.buttons.Button> current = new ArrayList<>();
            for (Button button : row) {
                if (!seen.add(button.data())) {
                    log.warn("dropped a second button with the same data {} (Discord needs unique custom ids)", button.data());
                    continue;
                }
                current.add(net.dv8tion.jda.api.components.buttons.Button.secondary(button.data(), label(button.label())));
                if (current.size() == MAX_BUTTONS_PER_ROW) {
                    rows.add(ActionRow.of(current));
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                rows.add(ActionRow.of(current));
            }
        }
        if (rows.size() > MAX_ROWS) {
            log.warn("a message had {} button rows; Discord shows at most {}, the rest were dropped", rows.size(), MAX_ROWS);
            return List.copyOf(rows.subList(0, MAX_ROWS));
        }
        return rows;
    }

    private static String label(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    static SendOutcome outcome(ErrorResponseException refused) {
        Response response = refused.getResponse();
        int status = response == null ? 0 : response.code;
        ErrorResponse error = refused.getErrorResponse();
        String reason = status + " " + refused.getErrorCode() + " " + refused.getMeaning();
        if (error == ErrorResponse.CANNOT_SEND_TO_USER || error == ErrorResponse.UNKNOWN_CHANNEL
                || error == ErrorResponse.UNKNOWN_USER) {
            return new SendOutcome.Unreachable(reason);
        }
        if (status == 429) {
            long retryAfter = response.retryAfter > 0 ? response.retryAfter : 5_000;
            return new SendOutcome.RateLimited(Duration.ofMillis(retryAfter));
        }
        if (status >= 500 || status <= 0 || refused.isServerError()) {
            return new SendOutcome.Failed(reason, true);
        }
        return new SendOutcome.Failed(reason, false);
    }

    @Override
    public Pacing pacing(ChannelRef channel) {
        return CHANNEL;
    }

    @Override
    public double bulkPerSecond() {
        return bulkPerSecond;
    }
}
