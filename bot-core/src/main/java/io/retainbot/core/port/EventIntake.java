package io.retainbot.core.port;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.flow.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two statements the engine runs for nearly every customer event, each doing in one round trip what
 * the separate stores do in three: {@link #accept} at the start of the event's transaction, {@link #finish}
 * at its end. They change nothing the stores' own calls would not change, in the same order (inbox, then
 * the conversation's lock, then the sender's identity and customer; the interaction log, the conversation,
 * then the outbox and the chat's head), so they mix with those calls in one transaction.
 */
public interface EventIntake {
    /**
     * Records the event in the inbox as handled and, when it was not there before, locks its chat's
     * conversation and, when both the conversation and the sender's identity exist, marks the identity seen
     * and moves the customer's last contact, as {@link ConversationStore#lock} and
     * {@link CustomerStore#findAndMarkSeen} do. What does not exist yet is left to those calls.
     */
    Accepted accept(InboundEvent event, Instant now);

    /**
     * Logs the inbound event, saves the conversation and queues the replies in its chat, in order: in the
     * reply lane, for the interaction's customer and complaint, due at the interaction's time (the first
     * becomes the chat's head as {@link OutboxStore#enqueue} would make it). The conversation's data and offered
     * labels are written only where they differ from what {@link #accept} read in this transaction.
     */
    void finish(Interaction inbound, Conversation conversation, List<OutboundMessage> replies);

    /**
     * What {@link #accept} found.
     *
     * @param recorded     false when the event was in the inbox before: nothing else was done, nothing must be
     * @param conversation the chat's conversation, locked; null when the chat has none yet
     * @param customer     the sender's customer, marked seen; null when the conversation or the identity is missing
     */
    record Accepted(boolean recorded, Conversation conversation, Customer customer) {
        public Accepted {
            if (!recorded && (conversation != null || customer != null)) {
                throw new IllegalArgumentException("an event recorded before locks and marks nothing");
            }
            if (conversation == null && customer != null) {
                throw new IllegalArgumentException("a customer is marked seen only under the conversation's lock");
            }
        }

        public Optional<Conversation> lockedConversation() {
            return Optional.ofNullable(conversation);
        }

        public Optional<Customer> seenCustomer() {
            return Optional.ofNullable(customer);
        }
    }
}
