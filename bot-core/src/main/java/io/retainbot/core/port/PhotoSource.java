package io.retainbot.core.port;

import io.retainbot.core.chat.Photo;
import java.util.Optional;

/**
 * Where a platform gateway reads the photo a text shows (see {@link Photo}): a template's photo from the
 * {@link PhotoStore}, a web chat upload from the {@link FileStore}, a photo still on Telegram or Discord from
 * there.
 */
@FunctionalInterface
public interface PhotoSource {
    /** For a gateway that is given no photos: every text goes out alone. */
    PhotoSource NONE = photo -> Optional.empty();

    /**
     * The photo, content included; empty when it is not kept (any more) or cannot be had from here.
     *
     * @throws PhotoUnavailable when it could not be read just now (the platform did not answer): try again later
     */
    Optional<PhotoStore.StoredPhoto> photo(Photo photo);

    /** A photo that exists but could not be read just now; a send with it is retried. */
    final class PhotoUnavailable extends io.retainbot.core.RetainBotException {
        public PhotoUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
