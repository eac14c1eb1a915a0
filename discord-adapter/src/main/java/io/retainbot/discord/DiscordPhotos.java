package io.retainbot.discord;

import io.retainbot.core.chat.Photo;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Photos people sent on Discord, read back from their attachment URL (Discord's CDN), for a platform that needs
 * the bytes: the web chat page, a Telegram chat, and Discord itself (a bot re-uploads a photo it shows again).
 * Only JPEG and PNG photos up to {@link PhotoStore#MAX_BYTES} are read; a photo Discord no longer serves is
 * not found. Anything that is not a Discord photo is not found here.
 */
final class DiscordPhotos implements PhotoSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final OkHttpClient http;
    private final Clock clock;

    DiscordPhotos(Clock clock) {
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(TIMEOUT)
                .readTimeout(TIMEOUT).followRedirects(false).build();
        this.clock = clock;
    }

    @Override
    public Optional<PhotoStore.StoredPhoto> photo(Photo photo) {
        if (photo.origin() != Photo.Origin.DISCORD) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(photo.key());
        if (url == null) {
            return Optional.empty();
        }
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() == 404 || response.code() == 403 || response.code() == 410) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw new PhotoUnavailable("Discord answered " + response.code() + " for a photo", null);
            }
            byte[] content = response.body().byteStream().readNBytes(PhotoStore.MAX_BYTES + 1);
            Optional<String> mediaType = mediaType(content);
            if (content.length > PhotoStore.MAX_BYTES || mediaType.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PhotoStore.StoredPhoto(photo.key(), mediaType.get(), fileName(url),
                    content.length, sha256(content), clock.instant(), content));
        } catch (IOException trouble) {
            throw new PhotoUnavailable("could not read a photo from Discord: " + trouble.getMessage(), trouble);
        }
    }

    private static String fileName(HttpUrl url) {
        String last = url.pathSegments().isEmpty() ? "" : url.pathSegments().get(url.pathSegments().size() - 1);
        String name = last.replaceAll("[^A-Za-z0-9._-]", "");
        return name.length() > 100 ? name.substring(name.length() - 100) : name.toLowerCase(Locale.ROOT);
    }

    private static Optional<String> mediaType(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return startsWith(content, PNG) ? Optional.of("image/png") : Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && java.util.Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
