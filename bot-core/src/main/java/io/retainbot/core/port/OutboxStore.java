package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxEntry;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.outbox.SendSlot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages waiting to be sent. Per chat only the head (highest lane, then oldest) is ever handed
 * out, and only while nothing else of that chat is being sent: messages of one chat go in order.
 * A claim names the instance that sends and carries a lease; the claim's holder records the
 * outcome, and a claim whose lease ran out is handed back for any instance to take.
 */
public interface OutboxStore {
    /** Adds a message; returns its id, or empty when {@code dedupeKey} was used before. */
    Optional<Long> enqueue(OutboxItem item);

    /**
     * Adds many messages at once (a broadcast's batch: each with a dedupe key, none about a complaint),
     * as {@link #enqueue} would one by one; returns the new ids by dedupe key, without the keys used before.
     */
    Map<String, Long> enqueueAll(List<OutboxItem> items);

    /**
     * The heads of this platform's chats that are due now and not claimed, replies first, then
     * staff pings, then bulk; at most {@code limits.get(lane)} of each lane (none when absent).
     */
    List<OutboxEntry> dueHeads(Platform platform, Instant now, Map<Lane, Integer> limits);

    /** Claims these heads for {@code instance} until {@code leaseUntil}; returns the ids it got. */
    List<Long> claim(Platform platform, Collection<OutboxEntry> heads, String instance, Instant now,
                     Instant leaseUntil);

    /** Records a delivery; false (and nothing changed) when {@code instance} no longer holds the claim. */
    boolean markDelivered(OutboxEntry entry, String instance, String platformMessageId, Instant at);

    /**
     * Records many deliveries at once (one statement each for the messages, their chats' next heads and
     * nothing else); answers the ids whose claim {@code instance} still held, the others are left alone
     * as {@link #markDelivered} leaves them.
     *
     * @param platformMessageIds the platform's message id per delivered message id (a value may be null)
     */
    Set<Long> markAllDelivered(Collection<OutboxEntry> entries, Map<Long, String> platformMessageIds,
                               String instance, Instant at);

    /** Marks a message as failed for good; the next message of the chat follows. False when the claim was lost. */
    boolean markFailed(OutboxEntry entry, String instance, String error, Instant at);

    /** Marks a message unreachable and skips every other pending message of the chat. False when the claim was lost. */
    boolean markUnreachable(OutboxEntry entry, String instance, String reason, Instant at);

    /**
     * Puts a message back; nothing of its chat is sent before {@code notBefore}. False when the
     * claim was lost.
     */
    boolean retryLater(OutboxEntry entry, String instance, Instant notBefore, String error, boolean countAttempt);

    /** Extends the leases of {@code instance}'s claims on the messages {@code heads}; returns how many. */
    int renewLeases(String instance, Collection<Long> heads, Instant leaseUntil);

    /**
     * Takes up to {@code wanted} places of the platform's shared budget of {@code budget} that are free by
     * {@code horizon} (or whose holder's lease ended a second before it), earliest first, for
     * {@code instance} until {@code leaseUntil}; each opens at the answered moment (never before {@code now}).
     */
    List<SendSlot> takeSlots(Platform platform, int budget, int wanted, String instance, Instant now,
                             Instant horizon, Instant leaseUntil);

    /** Gives places back, each free from its {@code opensAt}; a place another instance took over is left alone. */
    void releaseSlots(String instance, Collection<SendSlot> slots);

    /**
     * The platform said to wait until {@code until}: no place of its shared budget opens before, for any
     * instance (nothing happens for a platform whose budget is not shared).
     */
    void holdSlots(Platform platform, Instant until);

    /** Gives back every place {@code instance} holds (it stops), free from {@code freeFrom}. */
    void releaseSlotsOf(String instance, Instant freeFrom);

    /** Extends {@code instance}'s leases on these places (of its sends in flight). */
    void renewSlots(String instance, Collection<SendSlot> slots, Instant leaseUntil);

    /**
     * Hands back the claims whose lease ended before {@code now} (their holder died or stalled), but never
     * {@code instance}'s claims on {@code sending}, the sends it has under way; returns how many.
     */
    int releaseExpired(Instant now, String instance, Collection<Long> sending);

    /**
     * The first {@code calls} platform calls of a message this instance is sending went out (a long text's
     * parts): a retry resumes after them. Nothing happens once the claim is no longer this instance's.
     */
    void madeCalls(OutboxEntry entry, String instance, int calls);

    /** Hands back every claim {@code instance} holds; returns how many. */
    int releaseClaims(String instance);

    /** When the next unclaimed head becomes due, if any is waiting. */
    Optional<Instant> nextDue();

    /** Skips the pending messages of a chat (the user blocked the bot); returns how many. */
    int skipPending(ChannelRef channel, String reason, Instant at);

    long countPending();
}
