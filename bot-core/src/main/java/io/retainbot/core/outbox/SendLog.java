package io.retainbot.core.outbox;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.port.StoreSession;
import java.time.Instant;

/** What goes into the interaction log when a send ends. */
final class SendLog {
    private static final int SUMMARY_LENGTH = 200;

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
                shortened(text(entry.message())), now).aboutComplaint(entry.complaintNumber());
    }

    /** A send found the chat unreachable: note it on the identity and in the log. */
    static void unreachable(StoreSession session, OutboxEntry entry, String reason, Instant now) {
        session.customers().markUnreachable(entry.channel(), reason, now);
        session.interactions().append(Interaction.outbound(entry.customerId(), entry.channel(), "unreachable",
                null, shortened(reason), now));
    }

    private static String text(OutboundMessage message) {
        if (message instanceof OutboundMessage.Text text) {
            return text.photo() == null ? text.text() : "[photo] " + text.text();
        }
        return ((OutboundMessage.Edit) message).text();
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
