package io.retainbot.app;

import io.retainbot.core.chat.Photo;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.util.Optional;
import java.util.Set;

/**
 * Every photo a gateway may have to send, read from where it lives: a template's photo from the photo store, a
 * web chat visitor's upload from the file store (photos only: a PDF is not shown as a photo), a photo sent on
 * Telegram or Discord from that platform (none when that platform is not configured).
 */
final class PhotoLibrary implements PhotoSource {
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");

    private final PhotoStore kept;
    private final FileStore uploads;
    private final PhotoSource telegram;
    private final PhotoSource discord;

    PhotoLibrary(PhotoStore kept, FileStore uploads, PhotoSource telegram, PhotoSource discord) {
        this.kept = kept;
        this.uploads = uploads;
        this.telegram = telegram;
        this.discord = discord;
    }

    @Override
    public Optional<PhotoStore.StoredPhoto> photo(Photo photo) {
        return switch (photo.origin()) {
            case KEPT -> kept.find(photo.key());
            case UPLOADED -> uploads.find(photo.key()).filter(file -> PHOTO_TYPES.contains(file.mediaType())
                            && file.content().length <= PhotoStore.MAX_BYTES)
                    .map(file -> new PhotoStore.StoredPhoto(file.key(), file.mediaType(), file.fileName(),
                            file.sizeBytes(), file.sha256(), file.storedAt(), file.content()));
            case TELEGRAM -> telegram.photo(photo);
            case DISCORD -> discord.photo(photo);
        };
    }
}
