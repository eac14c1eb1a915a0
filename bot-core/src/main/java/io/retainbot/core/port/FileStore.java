package io.retainbot.core.port;

import io.retainbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Files customers uploaded where the platform keeps no copy for us (the web chat), kept in the database. */
public interface FileStore {
    /**
     * Stores the file once per chat and upload id: the same upload sent again returns the file stored
     * the first time.
     */
    StoredFile save(NewFile file);

    /** The file with this key, content included. */
    Optional<StoredFile> find(String key);

    /**
     * @param key      a random key that names the file from now on
     * @param uploadId the page's id for the upload, so a retried upload is stored once
     */
    record NewFile(String key, ChannelRef channel, String uploadId, String mediaType, String fileName,
                   byte[] content, Instant at) {
        public NewFile {
            if (key == null || key.isBlank() || uploadId == null || uploadId.isBlank()) {
                throw new IllegalArgumentException("a stored file needs a key and an upload id");
            }
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
            if (mediaType == null || mediaType.isBlank()) {
                throw new IllegalArgumentException("a stored file needs a media type");
            }
            fileName = Objects.requireNonNullElse(fileName, "");
            if (content == null || content.length == 0) {
                throw new IllegalArgumentException("a stored file must not be empty");
            }
        }
    }

    record StoredFile(String key, ChannelRef channel, String mediaType, String fileName, long sizeBytes,
                      String sha256, Instant storedAt, byte[] content) {
    }
}
