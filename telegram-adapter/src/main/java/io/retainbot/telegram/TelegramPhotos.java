package io.retainbot.telegram;

import io.retainbot.core.chat.Photo;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Photos people sent on Telegram, read back by their file id (getFile, then the download), for a platform that
 * needs the bytes: the web chat page, a Discord channel. Telegram keeps every photo as a JPEG. Anything that is
 * not a Telegram photo is not found here.
 */
final class TelegramPhotos implements PhotoSource {
    private final BotApi api;
    private final Clock clock;

    TelegramPhotos(BotApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Optional<PhotoStore.StoredPhoto> photo(Photo photo) {
        if (photo.origin() != Photo.Origin.TELEGRAM) {
            return Optional.empty();
        }
        try {
            return api.download(photo.key(), PhotoStore.MAX_BYTES).map(content -> new PhotoStore.StoredPhoto(
                    photo.key(), "image/jpeg", "photo.jpg", content.length, sha256(content), clock.instant(), content));
        } catch (TelegramApiException | IOException | RuntimeException trouble) {
            throw new PhotoUnavailable("could not read a photo from Telegram: " + trouble.getMessage(), trouble);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
