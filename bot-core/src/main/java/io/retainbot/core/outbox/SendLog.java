package io.retainbot.core.outbox;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/** What goes into the interaction log when a send ends. */
final class SendLog {
    private SendLog() {
    }

    /** A message was delivered. */
    static void delivered(StoreSession session, OutboxEntry entry, String platformMessageId, Instant now) {
        session.interactions().append(deliveredEntry(entry, platformMessageId, now));
    }

    /** The log's entry for a delivered message. */
    static Interaction deliveredEntry(OutboxEntry entry, String platformMessageId, Instant now) {
        String kind = entry.message() instanceof OutboundMessage.Edit ? "message_edited" : "message_sent";
        return Interaction.outbound(entry.customerId(), entry.channel(), kind, platformMessageId,
                summary(entry.message()), now).aboutComplaint(entry.complaintNumber());
    }

    /** A send found the chat unreachable: note it on the identity and in the log. */
    static void unreachable(StoreSession session, OutboxEntry entry, String reason, Instant now) {
        session.customers().markUnreachable(entry.channel(), reason, now);
        session.interactions().append(Interaction.outbound(entry.customerId(), entry.channel(), "unreachable",
                null, Interaction.summaryOf(reason), now));
    }

    private static String summary(OutboundMessage message) {
        if (message instanceof OutboundMessage.Text text) {
            return Interaction.sentSummary(text.text(), text.photo() != null);
        }
        return Interaction.summaryOf(((OutboundMessage.Edit) message).text());
    }
}
