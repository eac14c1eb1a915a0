package io.retainbot.core.complaint;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The customer gave photos for a complaint: with it when they filed it ({@code atFiling}), or later when they
 * added details. Only the photos, in the order they came, named where they are; other files are counted on the
 * ping.
 */
public record ComplaintPhotosAdded(long complaintId, ComplaintRef ref, long customerId, List<Photo> photos,
                                   boolean atFiling, Instant occurredAt) implements ComplaintEvent {
    public static final String KIND = "complaint_photos_added";

    public ComplaintPhotosAdded {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        photos = List.copyOf(Objects.requireNonNullElse(photos, List.of()));
    }

    /** The photos among {@code files} the customer sent on {@code platform}, or empty when there are none. */
    public static List<Photo> photosAmong(Platform platform, List<FileRef> files) {
        return files.stream().flatMap(file -> Photo.of(platform, file).stream()).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }
}
