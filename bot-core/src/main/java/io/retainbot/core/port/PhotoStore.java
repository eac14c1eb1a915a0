package io.retainbot.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The photos templates carry, kept in the database: uploaded once, shown in any number of messages. The
 * platform gateways read them here when they send.
 */
public interface PhotoStore {
    /** The largest photo kept: within what Telegram (10 MB) and Discord (10 MB) take from a bot. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /** Keeps the photo under its key; the same content uploaded again is kept again under a new key. */
    StoredPhoto save(NewPhoto photo);

    /** The photo with this key, content included. */
    Optional<StoredPhoto> find(String key);

    /** Every photo, newest first, without content. */
    List<StoredPhoto> list();

    /** Whether a template shows the photo (and so it cannot be deleted). */
    boolean inUse(String key);

    /** Deletes a photo no template shows; false when there was none. */
    boolean delete(String key);

    record NewPhoto(String key, String mediaType, String fileName, byte[] content, Instant at) {
        public NewPhoto {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a photo needs a key");
            }
            if (!"image/jpeg".equals(mediaType) && !"image/png".equals(mediaType)) {
                throw new IllegalArgumentException("a photo is a JPEG or PNG image");
            }
            fileName = Objects.requireNonNullElse(fileName, "");
            if (content == null || content.length == 0 || content.length > MAX_BYTES) {
                throw new IllegalArgumentException("a photo has 1 to " + MAX_BYTES + " bytes");
            }
            Objects.requireNonNull(at, "at");
        }
    }

    /** A kept photo; {@code content} is empty where a listing leaves it out. */
    record StoredPhoto(String key, String mediaType, String fileName, long sizeBytes, String sha256,
                       Instant createdAt, byte[] content) {
        /** The name to upload it under on a platform: its own, ending as its type does (photo.jpg without one). */
        public String uploadName() {
            String extension = mediaType.equals("image/png") ? ".png" : ".jpg";
            String name = fileName.isBlank() ? "photo" : fileName;
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension;
        }
    }
}
