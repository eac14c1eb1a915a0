package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Messages waiting to be sent. Per chat only the head (lowest lane, then oldest) is ever handed
 * out, and only while nothing else of that chat is being sent: messages of one chat go in order.
 */
public interface OutboxStore {
    /** Adds a message; returns its id, or empty when {@code dedupeKey} was used before. */
    Optional<Long> enqueue(OutboxItem item);

    /** The heads of chats that are due now and not being sent, replies first, at most {@code limit}. */
    List<OutboxEntry> dueHeads(Instant now, int limit);

    /** Marks these as being sent; returns the ids that were still pending (and so are now claimed). */
    List<Long> claim(Collection<Long> ids, Instant now);

    void markDelivered(long id, String platformMessageId, Instant at);

    /** Marks a message as failed for good; the next message of the chat follows. */
    void markFailed(long id, String error, Instant at);

    /** Marks a message unreachable and skips every other pending message of the same chat. */
    void markUnreachable(long id, String reason, Instant at);

    /** Puts a message back, not to be sent before {@code notBefore}; nor anything else of its chat. */
    void retryLater(long id, Instant notBefore, String error, boolean countAttempt);

    /** Hands back messages claimed before {@code claimedBefore} whose sender died; returns how many. */
    int releaseStale(Instant claimedBefore);

    /** When the next pending head becomes due, if any is pending. */
    Optional<Instant> nextDue();

    /** Skips the pending messages of a chat (the user blocked the bot); returns how many. */
    int skipPending(ChannelRef channel, String reason, Instant at);

    long countPending();
}
