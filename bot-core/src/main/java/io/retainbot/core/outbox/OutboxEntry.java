package io.retainbot.core.outbox;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import java.time.Instant;

/** An outbox row the dispatcher works on. */
public record OutboxEntry(long id, ChannelRef channel, Lane lane, OutboundMessage message, Long customerId,
                          int attempts, Instant notBefore, Instant createdAt) {
}
