package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;

/** A customer asked to talk to a person; open until a staff member takes it. */
public record HandoverRequest(long id, long customerId, ChannelRef channel, String status, Instant createdAt) {
}
