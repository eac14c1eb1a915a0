package io.retainbot.core.outbox;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import java.time.Instant;

/**
 * An outbox row the dispatcher works on.
 *
 * @param complaintNumber the complaint the message belongs to, null for none
 * @param callsMade       how many of the message's platform calls (a long text's parts) earlier attempts made
 */
public record OutboxEntry(long id, ChannelRef channel, Lane lane, OutboundMessage message, Long customerId,
                          int attempts, Instant notBefore, Instant createdAt, Long complaintNumber, int callsMade) {
    public OutboxEntry(long id, ChannelRef channel, Lane lane, OutboundMessage message, Long customerId,
                       int attempts, Instant notBefore, Instant createdAt) {
        this(id, channel, lane, message, customerId, attempts, notBefore, createdAt, null, 0);
    }
}
