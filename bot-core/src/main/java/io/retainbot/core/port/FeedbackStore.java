package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.feedback.HandoverMessage;
import io.retainbot.core.feedback.HandoverRequest;
import io.retainbot.core.feedback.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Suggestions and requests to talk to a person. */
public interface FeedbackStore {
    Suggestion suggest(long customerId, ChannelRef channel, String text, Instant at);

    List<Suggestion> suggestions(int limit, int offset);

    /** Opens a handover request unless the customer already has an open one in this chat. */
    HandoverRequest requestHandover(long customerId, ChannelRef channel, Instant at);

    List<HandoverRequest> openHandovers(int limit, int offset);

    /** The requests waiting for a person or being talked in now (open or taken), oldest first. */
    List<HandoverRequest> activeHandovers(int limit);

    /** How many requests wait for a person (open). */
    int openHandoverCount();

    /** Closes the customer's open request in this chat, if any; returns whether there was one. */
    boolean cancelHandover(long customerId, ChannelRef channel, Instant at);

    Optional<HandoverRequest> findHandover(long requestId);

    /** Marks an open request taken by the staff member; false when it was not open (taken, closed, cancelled). */
    boolean takeHandover(long requestId, long staffId, Instant at);

    /** Closes an open or taken request; false when it was already closed or cancelled. */
    boolean closeHandover(long requestId, Instant at);

    /** The conversations the staff member is having now, oldest first. */
    List<HandoverRequest> handoversTakenBy(long staffId);

    /** The open or taken request of this chat, if there is one. */
    Optional<HandoverRequest> activeHandover(ChannelRef channel);

    /** Keeps what was said in a request for a person, word for word. */
    void keepHandoverMessage(HandoverMessage message);

    /** What was said in the request, word for word, oldest first (the newest {@code limit}). */
    List<HandoverMessage> handoverMessages(long requestId, int limit);

    /** One message of request {@code requestId}, word for word. */
    Optional<HandoverMessage> findHandoverMessage(long requestId, long messageId);
}
