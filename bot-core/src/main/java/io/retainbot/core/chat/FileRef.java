package io.retainbot.core.chat;

import java.util.Objects;

/**
 * A file the customer sent, as a reference the platform can resolve later: nothing is downloaded.
 *
 * @param platformFileId the platform's id or URL for the file
 * @param kind           photo, document, video, audio or other
 * @param mediaType      MIME type if the platform tells it, else empty
 * @param sizeBytes      size in bytes, 0 when unknown
 * @param fileName       original name, may be empty
 */
public record FileRef(String platformFileId, Kind kind, String mediaType, long sizeBytes, String fileName) {
    public enum Kind { PHOTO, DOCUMENT, VIDEO, AUDIO, OTHER }

    public FileRef {
        if (platformFileId == null || platformFileId.isBlank()) {
            throw new IllegalArgumentException("platformFileId must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        mediaType = Objects.requireNonNullElse(mediaType, "");
        fileName = Objects.requireNonNullElse(fileName, "");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
