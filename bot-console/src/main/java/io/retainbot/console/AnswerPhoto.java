package io.retainbot.console;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.Photos;
import io.retainbot.core.port.PhotoStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The photo a staff member sends with their words (a complaint's answer, a talk with a customer), kept for sending. */
final class AnswerPhoto {
    private AnswerPhoto() {
    }

    /** The form's {@code photo} (none when the field was left empty); one that is not a JPEG or PNG throws. */
    static List<Photo> of(Context ctx, Photos photos) {
        UploadedFile upload = ctx.isMultipartFormData() ? ctx.uploadedFile("photo") : null;
        if (upload == null || upload.size() == 0) {
            return List.of();
        }
        if (upload.size() > PhotoStore.MAX_BYTES) {
            throw new Refused();
        }
        byte[] content;
        try (InputStream in = upload.content()) {
            content = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new Refused();
        }
        try {
            return List.of(new Photo(photos.upload(content, upload.filename()).key()));
        } catch (Broadcasts.Refused notAPhoto) {
            throw new Refused();
        }
    }

    /** A photo that is not a JPEG or PNG of at most {@link PhotoStore#MAX_BYTES}. */
    static final class Refused extends IllegalArgumentException {
        Refused() {
            super("photo: a JPEG or PNG of at most " + PhotoStore.MAX_BYTES / (1024 * 1024) + " MB");
        }
    }
}
