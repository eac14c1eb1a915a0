package io.retainbot.core.outreach;

import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.PhotoStore.StoredPhoto;
import io.retainbot.core.port.Transactor;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The photos templates show: uploaded once (a JPEG or PNG, recognised by its first bytes, not by what
 * the uploader claims), kept under a random key, shown by any number of templates, and deleted only when
 * no template shows them.
 */
public final class Photos {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Transactor transactor;
    private final RandomGenerator random;
    private final Clock clock;

    /** @param random the source of photo keys (a SecureRandom outside tests) */
    public Photos(Transactor transactor, RandomGenerator random, Clock clock) {
        this.transactor = transactor;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Keeps an uploaded photo.
     *
     * @throws Broadcasts.Refused when the content is not a JPEG or PNG image, is empty or is too large
     */
    public StoredPhoto upload(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw new Broadcasts.Refused("photo", "the upload is empty: send the image as the request body");
        }
        if (content.length > PhotoStore.MAX_BYTES) {
            throw new Broadcasts.Refused("photo", "a photo may have at most " + PhotoStore.MAX_BYTES / (1024 * 1024)
                    + " MB, this one has " + content.length + " bytes");
        }
        String mediaType = mediaType(content).orElseThrow(() -> new Broadcasts.Refused("photo",
                "a photo must be a JPEG or PNG image (the content is neither)"));
        PhotoStore.NewPhoto photo = new PhotoStore.NewPhoto(newKey(), mediaType, cleanName(fileName), content,
                clock.instant());
        return transactor.inTransaction(session -> session.photos().save(photo));
    }

    public Optional<StoredPhoto> find(String key) {
        return transactor.inTransaction(session -> session.photos().find(key));
    }

    /** Every photo, newest first, without content. */
    public List<StoredPhoto> list() {
        return transactor.inTransaction(session -> session.photos().list());
    }

    /**
     * Deletes a photo; false when there was none.
     *
     * @throws Broadcasts.Refused when a template shows it
     */
    public boolean delete(String key) {
        return transactor.inTransaction(session -> {
            if (session.photos().inUse(key)) {
                throw new Broadcasts.Refused("id", "photo " + key + " is shown by a template; delete the template "
                        + "first");
            }
            return session.photos().delete(key);
        });
    }

    /** image/jpeg or image/png by the content's signature; empty for anything else. */
    public static Optional<String> mediaType(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String cleanName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private String newKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "ph-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
