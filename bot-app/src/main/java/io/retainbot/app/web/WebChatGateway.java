package io.retainbot.app.web;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.WebChatStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * "Sends" to a web visitor by storing the message where their chat page reads it. A template's photo is shown
 * from the photo store; any other photo (one a staff member sent on Telegram or Discord) is copied once into the
 * visitor's files, so the page shows it from here for as long as the transcript lasts; a photo that cannot be
 * had any more leaves the text alone, and one that cannot be read just now is tried again.
 */
public final class WebChatGateway implements ChatGateway {
    private static final Pacing PACING = new Pacing(50, Duration.ofMillis(20));

    private final WebChatStore store;
    private final FileStore files;
    private final PhotoSource photos;
    private final RandomGenerator random;
    private final Clock clock;

    /**
     * @param files  where photos from other platforms are copied for the visitor
     * @param photos where those photos are read
     * @param random the source of file keys (a SecureRandom outside tests)
     */
    public WebChatGateway(WebChatStore store, FileStore files, PhotoSource photos, RandomGenerator random,
                          Clock clock) {
        this.store = store;
        this.files = files;
        this.photos = photos;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public SendOutcome send(ChannelRef channel, OutboundMessage message) {
        try {
            OutboundMessage shown = message instanceof OutboundMessage.Text text && text.photo() != null
                    && text.photo().origin() != Photo.Origin.KEPT
                    ? text.withPhoto(copied(channel, text.photo()).orElse(null)) : message;
            long id = store.append(channel.chatId(), shown, clock.instant());
            return new SendOutcome.Delivered(String.valueOf(id));
        } catch (StoreException | PhotoSource.PhotoUnavailable e) {
            return new SendOutcome.Failed("web chat: " + e.getMessage(), true);
        }
    }

    /** The photo as the visitor's own file (copied the first time it is shown to them), if it can be had. */
    private Optional<Photo> copied(ChannelRef channel, Photo photo) {
        Optional<PhotoStore.StoredPhoto> found = photos.photo(photo);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PhotoStore.StoredPhoto content = found.get();
        FileStore.StoredFile stored = files.save(new FileStore.NewFile(newKey(), channel, "photo:" + digest(photo),
                content.mediaType(), content.uploadName(), content.content(), clock.instant()));
        return Optional.of(new Photo(stored.key(), Photo.Origin.UPLOADED));
    }

    private String newKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short stable name for where the photo came from (a Discord URL can be long). */
    private static String digest(Photo photo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(photo.identity().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Pacing pacing(ChannelRef channel) {
        return PACING;
    }

    @Override
    public boolean budgetSharedByInstances() {
        // the web chat's budget is each instance's own: nothing outside limits it
        return false;
    }

    @Override
    public double bulkPerSecond() {
        return 500;
    }

    /** The chat page shows a text's photo above its buttons. */
    @Override
    public boolean takesPhotos() {
        return true;
    }
}
