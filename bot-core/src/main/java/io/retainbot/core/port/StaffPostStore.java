package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot posted in the staff chats, and what each post is about: a complaint or a request for a
 * person. A post's platform id is known once the outbox delivered it.
 */
public interface StaffPostStore {
    enum Kind {
        /** A new complaint. */
        COMPLAINT_PING,
        /** A complaint reopened after the customer rated its handling low. */
        LOW_SCORE_PING,
        /** A customer asked for a person. */
        HANDOVER_PING,
        /** The customer's words, relayed to staff. */
        RELAY;

        public boolean isPing() {
            return this == COMPLAINT_PING || this == LOW_SCORE_PING || this == HANDOVER_PING;
        }
    }

    /**
     * One post.
     *
     * @param complaintId       the complaint it is about, null when about a request for a person
     * @param handoverId        the request for a person it is about, null when about a complaint
     * @param platformMessageId the platform's id once delivered, empty before
     */
    record Post(long outboxId, ChannelRef chat, Kind kind, Long complaintId, Long handoverId,
                String platformMessageId) {
        public Post {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(kind, "kind");
            platformMessageId = Objects.requireNonNullElse(platformMessageId, "");
        }

        public boolean delivered() {
            return !platformMessageId.isEmpty();
        }
    }

    void record(long outboxId, ChannelRef chat, Kind kind, Long complaintId, Long handoverId, Instant at);

    /** The post with this platform id in this staff chat. */
    Optional<Post> findSent(ChannelRef chat, String platformMessageId);

    /** The pings about a complaint, oldest first. */
    List<Post> complaintPings(long complaintId);

    /** The pings about a request for a person, oldest first. */
    List<Post> handoverPings(long handoverId);

    /** Every post about the customer's complaints and requests for a person (pings and relays), oldest first. */
    List<Post> aboutCustomer(long customerId);

    /** Whether the outbox still holds the post unsent (waiting or being sent right now). */
    boolean unsent(long outboxId);
}
