package io.retainbot.discord;

import io.retainbot.core.RetainBotException;
import io.retainbot.core.conversation.Button;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.OutboundMessage;
import io.retainbot.core.conversation.SendOutcome;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * The staff channel: posts with buttons, and one thread per complaint (opened on a first post, so
 * the post shows in the channel and the conversation about it happens in the thread). Replies
 * there come back as events under {@link #ref()}; the engine takes them only from active staff.
 */
public final class DiscordStaffChannel {
    private static final int MAX_THREAD_NAME = 100;

    private final long channelId;
    private final DiscordChatGateway gateway;
    private final Supplier<DiscordConnection> connection;

    DiscordStaffChannel(long channelId, DiscordChatGateway gateway, Supplier<DiscordConnection> connection) {
        this.channelId = channelId;
        this.gateway = gateway;
        this.connection = connection;
    }

    /** The staff channel as the engine knows it (also the reference of every event from its threads). */
    public ChannelRef ref() {
        return new DiscordAddress.GuildChannel(channelId).ref();
    }

    /** Posts {@code text} with button rows in the staff channel. */
    public SendOutcome post(String text, List<List<Button>> buttons) {
        return gateway.send(ref(), new OutboundMessage.Text(text, buttons));
    }

    /**
     * Posts {@code firstMessage} (with buttons) in the staff channel and opens a public thread named
     * {@code title} on it; returns the thread, to which {@link DiscordChatGateway} sends like to any chat.
     *
     * @throws StaffChannelUnavailable when the channel is unknown to the bot or Discord refused
     */
    public ChannelRef openThread(String title, String firstMessage, List<List<Button>> buttons) {
        DiscordConnection discord = connection.get();
        if (discord == null) {
            throw new StaffChannelUnavailable("Discord is not connected yet", null);
        }
        TextChannel channel = discord.textChannel(channelId).orElseThrow(() -> new StaffChannelUnavailable(
                "the staff channel " + channelId + " is not a text channel the bot can see (DISCORD_STAFF_CHANNEL_ID)", null));
        try {
            Message post = channel.sendMessage(new MessageCreateBuilder()
                    .setContent(firstMessage.length() > DiscordChatGateway.MAX_TEXT
                            ? firstMessage.substring(0, DiscordChatGateway.MAX_TEXT - 1) + "…" : firstMessage)
                    .setAllowedMentions(Set.of())
                    .setComponents(DiscordChatGateway.rows(buttons))
                    .build()).complete();
            String name = title.isBlank() ? "complaint" : title.strip();
            ThreadChannel thread = post.createThreadChannel(name.length() > MAX_THREAD_NAME
                    ? name.substring(0, MAX_THREAD_NAME) : name).complete();
            return new DiscordAddress.GuildChannel(thread.getIdLong()).ref();
        } catch (ErrorResponseException refused) {
            throw new StaffChannelUnavailable("Discord refused the staff thread: " + DiscordChatGateway.outcome(refused),
                    refused);
        }
    }

    /** The staff channel could not be written to. */
    public static final class StaffChannelUnavailable extends RetainBotException {
        StaffChannelUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
