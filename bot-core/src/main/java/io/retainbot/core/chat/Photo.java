package io.retainbot.core.chat;

import java.util.Objects;

/**
 * A photo the bot shows with a text, named by where it lives: a template's photo the bot keeps
 * ({@link Origin#KEPT}, by its key), a photo a web chat visitor uploaded ({@link Origin#UPLOADED}, by its file
 * key), or a photo someone sent on Telegram or Discord, still on that platform ({@link Origin#TELEGRAM}: its
 * file id; {@link Origin#DISCORD}: its attachment URL). The platform gateway sends it from there (Telegram names
 * a Telegram photo by its file id; everything else reads the bytes when it sends). A platform that cannot show
 * photos gets the text alone.
 */
public record Photo(String key, Origin origin) {
    /** Where a photo's bytes are. */
    public enum Origin { KEPT, UPLOADED, TELEGRAM, DISCORD }

    /** How the web chat names a visitor's upload in a {@link FileRef}: this prefix and the file's key. */
    public static final String WEB_FILE_PREFIX = "web:";

    public Photo {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a photo needs a key");
        }
        origin = Objects.requireNonNullElse(origin, Origin.KEPT);
    }

    /** A photo the bot keeps (a template's). */
    public Photo(String key) {
        this(key, Origin.KEPT);
    }

    /**
     * The photo a customer or a staff member sent as {@code file} on {@code platform}; empty for a file that
     * is not a photo (a PDF, a video), or not one every platform shows as a photo: only JPEG and PNG are (Telegram
     * keeps every photo as a JPEG), a GIF, WebP or HEIC picture is a file like others.
     */
    public static java.util.Optional<Photo> of(Platform platform, FileRef file) {
        String type = file.mediaType().toLowerCase(java.util.Locale.ROOT);
        boolean shown = type.equals("image/jpeg") || type.equals("image/png")
                || type.isEmpty() && platform == Platform.DISCORD;
        if (file.kind() != FileRef.Kind.PHOTO || platform != Platform.TELEGRAM && !shown) {
            return java.util.Optional.empty();
        }
        return switch (platform) {
            case TELEGRAM -> java.util.Optional.of(new Photo(file.platformFileId(), Origin.TELEGRAM));
            case DISCORD -> java.util.Optional.of(new Photo(file.platformFileId(), Origin.DISCORD));
            case WEB -> file.platformFileId().startsWith(WEB_FILE_PREFIX)
                    && file.platformFileId().length() > WEB_FILE_PREFIX.length()
                    ? java.util.Optional.of(new Photo(file.platformFileId().substring(WEB_FILE_PREFIX.length()),
                    Origin.UPLOADED))
                    : java.util.Optional.empty();
        };
    }

    /** A name for this photo that is the same wherever it is seen (for caches of uploads). */
    public String identity() {
        return origin.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }

    /** The photo an {@link #identity()} names: the origin, a colon, the key. */
    public static Photo fromIdentity(String identity) {
        int colon = identity.indexOf(':');
        return new Photo(identity.substring(colon + 1),
                Origin.valueOf(identity.substring(0, colon).toUpperCase(java.util.Locale.ROOT)));
    }
}
