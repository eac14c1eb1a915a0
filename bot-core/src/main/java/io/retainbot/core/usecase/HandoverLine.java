package io.retainbot.core.usecase;

import io.retainbot.core.chat.Photo;
import io.retainbot.core.customer.Interaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a request's conversation as staff read it: the customer's, the bot's or the person's.
 *
 * @param kind      what the interaction log calls it ("text_received", "message_sent", ...); "person_wrote" for the
 *                  person's words
 * @param staffId   who wrote it, for the person's words; null for the customer's and the bot's
 * @param text      the words: in full for what was said while the customer waited for or talked with the person,
 *                  the log's summary for the rest
 * @param photos    the photos that went with the words (kept word for word only)
 * @param messageId the kept message's id (photos are fetched by it), 0 for a line of the log
 */
public record HandoverLine(Interaction.Direction direction, String kind, Long staffId, String text,
                           List<Photo> photos, long messageId, Instant at) {
    /** The kind of the customer's words kept word for word. */
    public static final String CUSTOMER_WROTE = "customer_wrote";
    /** The kind of the person's words. */
    public static final String PERSON_WROTE = "person_wrote";

    public HandoverLine {
        Objects.requireNonNull(direction, "direction");
        photos = List.copyOf(photos);
        Objects.requireNonNull(at, "at");
    }

    /** The customer wrote it. */
    public boolean fromCustomer() {
        return direction == Interaction.Direction.INBOUND;
    }

    /** A person wrote it to the customer (not the bot). */
    public boolean fromStaff() {
        return staffId != null;
    }
}
