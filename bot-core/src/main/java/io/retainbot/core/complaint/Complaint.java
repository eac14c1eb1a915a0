package io.retainbot.core.complaint;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A filed complaint.
 *
 * @param targetAt   the internal target for a first real answer
 * @param promisedAt what the customer was promised: a little later than the target
 * @param language   the customer's language when filing (for answers and wording)
 */
public record Complaint(long id, ComplaintRef ref, long customerId, ChannelRef channel, String category,
                        String description, String orderReference, ComplaintStatus status, String language,
                        Instant intakeStartedAt, Instant createdAt, Instant targetAt, Instant promisedAt,
                        Instant updatedAt, Instant closedAt) {
    public Complaint {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        orderReference = Objects.requireNonNullElse(orderReference, "");
    }
}
