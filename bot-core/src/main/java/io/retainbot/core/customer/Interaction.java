package io.retainbot.core.customer;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the interaction log: a message or event between a customer and the business.
 *
 * @param id                the log's id, 0 before it is appended
 * @param customerId        the customer, {@code null} when the chat belongs to no known customer
 * @param kind              what happened ("text_received", "button_pressed", "message_sent", "unreachable", ...)
 * @param platformMessageId the platform's id of the message, {@code null} if it has none
 * @param summary           a short description (the start of a text, the label of the pressed button), at most
 *                          500 characters
 * @param complaintNumber   the number of the complaint this belongs to (written while filing it, adding to it,
 *                          withdrawing it), {@code null} for none
 */
public record Interaction(long id, Long customerId, ChannelRef channel, Direction direction, String kind,
                          String platformMessageId, String summary, Instant occurredAt, Long complaintNumber) {
    public static final int MAX_SUMMARY = 500;
    /** How much of a message's text the log keeps: a longer text is cut, ending in "…". */
    public static final int SUMMARY_LENGTH = 200;

    public Interaction {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an interaction needs a kind");
        }
        summary = Objects.requireNonNullElse(summary, "");
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Interaction(long id, Long customerId, ChannelRef channel, Direction direction, String kind,
                       String platformMessageId, String summary, Instant occurredAt) {
        this(id, customerId, channel, direction, kind, platformMessageId, summary, occurredAt, null);
    }

    /** The same entry, belonging to complaint {@code number} (null: to none). */
    public Interaction aboutComplaint(Long number) {
        return new Interaction(id, customerId, channel, direction, kind, platformMessageId, summary, occurredAt, number);
    }

    public static Interaction inbound(Long customerId, ChannelRef channel, String kind, String platformMessageId,
                                      String summary, Instant at) {
        return new Interaction(0, customerId, channel, Direction.INBOUND, kind, platformMessageId, summary, at);
    }

    public static Interaction outbound(Long customerId, ChannelRef channel, String kind, String platformMessageId,
                                       String summary, Instant at) {
        return new Interaction(0, customerId, channel, Direction.OUTBOUND, kind, platformMessageId, summary, at);
    }

    /** The start of {@code text} the log keeps ({@link #SUMMARY_LENGTH} characters at most). */
    public static String summaryOf(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** The summary the log keeps of a text sent to a customer, {@code "[photo] "} first when a photo went with it. */
    public static String sentSummary(String text, boolean withPhoto) {
        return summaryOf(withPhoto ? "[photo] " + text : text);
    }

    /** Whether the customer or the business spoke. */
    public enum Direction {
        INBOUND,
        OUTBOUND;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
