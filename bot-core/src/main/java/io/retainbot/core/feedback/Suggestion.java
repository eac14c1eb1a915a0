package io.retainbot.core.feedback;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;

/** A suggestion: feedback that is not a complaint. */
public record Suggestion(long id, long customerId, ChannelRef channel, String text, Instant createdAt) {
}
