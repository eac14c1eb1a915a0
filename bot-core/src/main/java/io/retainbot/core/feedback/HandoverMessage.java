package io.retainbot.core.feedback;

import io.retainbot.core.chat.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something said in a request for a person, word for word: what the customer wrote while waiting for or talking
 * with the person ({@code staffId} null), or what the person wrote to them.
 *
 * @param id       the store's id, 0 before it is kept
 * @param staffId  who wrote it to the customer; null for the customer's own words
 * @param text     the words in full (empty for a photo alone)
 * @param photos   the photos that went with the words
 * @param sentText the text as the customer received it ("Name (Company): ..."), null for the customer's words
 */
public record HandoverMessage(long id, long requestId, Long staffId, String text, List<Photo> photos,
                              String sentText, Instant occurredAt) {
    public HandoverMessage {
        text = Objects.requireNonNullElse(text, "");
        photos = List.copyOf(photos);
        Objects.requireNonNull(occurredAt, "occurredAt");
        if ((staffId == null) != (sentText == null)) {
            throw new IllegalArgumentException("a person's message has an author and the text sent, a customer's neither");
        }
    }

    /** The customer's words (and photos) in request {@code requestId}. */
    public static HandoverMessage fromCustomer(long requestId, String text, List<Photo> photos, Instant at) {
        return new HandoverMessage(0, requestId, null, text, photos, null, at);
    }

    /** What staff member {@code staffId} wrote, and the text the customer received for it. */
    public static HandoverMessage fromStaff(long requestId, long staffId, String text, List<Photo> photos,
                                            String sentText, Instant at) {
        return new HandoverMessage(0, requestId, staffId, text, photos, sentText, at);
    }

    public boolean fromCustomer() {
        return staffId == null;
    }
}
