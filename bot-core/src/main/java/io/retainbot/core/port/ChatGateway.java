package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.outbox.Pacing;

/**
 * Sends to one platform. Implementations map every platform answer to a {@link SendOutcome}
 * and never throw for an expected failure; they do not retry or pace themselves: the outbox
 * dispatcher does that from {@link #pacing} and {@link #bulkPerSecond}.
 */
public interface ChatGateway {
    Platform platform();

    SendOutcome send(ChannelRef channel, OutboundMessage message);

    /**
     * Sends a message that may take the platform several calls (a long text in parts, a photo and then the
     * text too long for its caption): each call after the first is made only once {@code furtherCalls} gave it
     * a place in the platform's budget, and when it gives none the send stops there with a retryable failure.
     * A retry resumes: the first {@link FurtherCalls#madeBefore()} calls went out on an earlier attempt and are
     * not made again (the customer would read them twice). A gateway that makes one call a message keeps this
     * default.
     */
    default SendOutcome send(ChannelRef channel, OutboundMessage message, FurtherCalls furtherCalls) {
        return send(channel, message);
    }

    /** Places in the platform's budget for the further calls of one message (the dispatcher's). */
    @FunctionalInterface
    interface FurtherCalls {
        /** No budget to keep: every further call may go at once (a gateway used without a dispatcher). */
        FurtherCalls UNPACED = () -> true;

        /**
         * Called when the previous call's answer came back: remembers with the message that the calls so far
         * went out (a retry resumes after them), then waits for a place for one more call, and for the chat's
         * pacing to allow it; false when none came (the dispatcher stops, or the budget stayed full): make no
         * more calls for this message.
         */
        boolean next();

        /**
         * How many of this message's calls, in order, an earlier attempt made (their answers came back): the
         * send skips as many and makes the first of the others without asking {@link #next()}.
         */
        default int madeBefore() {
            return 0;
        }
    }

    /** How fast this chat may be sent to. */
    Pacing pacing(ChannelRef channel);

    /**
     * The platform-wide budget, messages per second across all chats: every send counts against it (the
     * platform counts them all), replies go first, and the bulk lane takes what is left.
     */
    double bulkPerSecond();

    /**
     * Whether {@link #bulkPerSecond} is the platform's limit for the bot, which every instance sending for
     * it shares (Telegram's, Discord's): the instances then count their sends together in the database.
     * False for a budget each instance keeps on its own (the web chat's).
     */
    default boolean budgetSharedByInstances() {
        return true;
    }

    /** Whether this platform shows a text's photo; one that does not gets the text alone. */
    default boolean takesPhotos() {
        return false;
    }
}
