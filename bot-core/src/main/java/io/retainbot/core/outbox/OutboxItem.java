package io.retainbot.core.outbox;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to put in the outbox.
 *
 * @param customerId the customer it is for, null for staff chats
 * @param dedupeKey  a key that makes the enqueue idempotent (bulk sends: "nothing sent twice"), null for none
 * @param complaintNumber the complaint the message belongs to (its history shows it once sent), null for none
 */
public record OutboxItem(ChannelRef channel, Lane lane, OutboundMessage message, Long customerId,
                         String dedupeKey, Instant notBefore, Long complaintNumber) {
    public OutboxItem {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(notBefore, "notBefore");
    }

    public OutboxItem(ChannelRef channel, Lane lane, OutboundMessage message, Long customerId, String dedupeKey,
                      Instant notBefore) {
        this(channel, lane, message, customerId, dedupeKey, notBefore, null);
    }

    public static OutboxItem reply(ChannelRef channel, OutboundMessage message, Long customerId, Instant now) {
        return new OutboxItem(channel, Lane.REPLY, message, customerId, null, now);
    }

    /** A message to a staff chat: behind replies to customers, ahead of bulk. */
    public static OutboxItem staff(ChannelRef channel, OutboundMessage message, Instant now) {
        return new OutboxItem(channel, Lane.STAFF, message, null, null, now);
    }

    /** The same message, belonging to complaint {@code number} (null: to none). */
    public OutboxItem aboutComplaint(Long number) {
        return new OutboxItem(channel, lane, message, customerId, dedupeKey, notBefore, number);
    }
}
