package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.Suggestion;
import java.time.Instant;
import java.util.List;

/** Suggestions and requests to talk to a person. */
public interface FeedbackStore {
    Suggestion suggest(long customerId, ChannelRef channel, String text, Instant at);

    List<Suggestion> suggestions(int limit, int offset);

    /** Opens a handover request unless the customer already has an open (or taken) one in this chat. */
    HandoverRequest requestHandover(long customerId, ChannelRef channel, Instant at);

    List<HandoverRequest> openHandovers(int limit, int offset);

    /** Cancels the customer's open or taken request in this chat, if any; returns whether there was one. */
    boolean cancelHandover(long customerId, ChannelRef channel, Instant at);

    java.util.Optional<HandoverRequest> handover(long id);

    /** The customer's open or taken request in this chat, if any. */
    java.util.Optional<HandoverRequest> currentHandover(long customerId, ChannelRef channel);

    /** A staff member takes an open request; false when it was taken by someone else, cancelled or closed. */
    boolean takeHandover(long id, long staffId, Instant at);

    /** The person hands the chat back to the bot; false when the request was no longer open or taken. */
    boolean closeHandover(long id, Instant at);
}
