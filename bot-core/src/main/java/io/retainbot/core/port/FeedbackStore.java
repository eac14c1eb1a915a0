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

    /** Opens a handover request unless the customer already has an open one in this chat. */
    HandoverRequest requestHandover(long customerId, ChannelRef channel, Instant at);

    List<HandoverRequest> openHandovers(int limit, int offset);

    /** Closes the customer's open request in this chat, if any; returns whether there was one. */
    boolean cancelHandover(long customerId, ChannelRef channel, Instant at);
}
