package io.retainbot.core.complaint;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What is needed to file a complaint. Texts are already cleaned (no NUL, trimmed, bounded). */
public record NewComplaint(long customerId, ChannelRef channel, String category, String description,
                           String orderReference, List<FileRef> files, String language,
                           Instant intakeStartedAt, Instant createdAt, Instant targetAt, Instant promisedAt) {
    public static final int MAX_DESCRIPTION = 8000;
    public static final int MAX_ORDER_REFERENCE = 100;

    public NewComplaint {
        Objects.requireNonNull(channel, "channel");
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("a complaint needs a category");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a complaint needs a description");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description longer than " + MAX_DESCRIPTION);
        }
        orderReference = Objects.requireNonNullElse(orderReference, "");
        if (orderReference.length() > MAX_ORDER_REFERENCE) {
            throw new IllegalArgumentException("order reference longer than " + MAX_ORDER_REFERENCE);
        }
        files = List.copyOf(files);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intakeStartedAt, "intakeStartedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(targetAt, "targetAt");
        Objects.requireNonNull(promisedAt, "promisedAt");
        if (promisedAt.isBefore(targetAt)) {
            throw new IllegalArgumentException("the promise must not be earlier than the internal target");
        }
    }
}
