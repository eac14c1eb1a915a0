package io.retainbot.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.Photos;
import io.retainbot.core.port.PhotoStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The photos templates show: uploaded as the raw request body (a JPEG or PNG) under the admin token,
 * listed, read back, deleted while no template shows them; and shown to web chat visitors under
 * {@code /chat/api/photos/{key}} (the key is random and the photo is the business's, not a customer's).
 */
public final class PhotoRoutes {
    private static final Pattern KEY = Pattern.compile("ph-[A-Za-z0-9_-]{10,40}");

    private final Photos photos;

    public PhotoRoutes(Photos photos) {
        this.photos = photos;
    }

    /** The address under which the web chat page shows a photo. */
    public static String chatUrl(String key) {
        return "/chat/api/photos/" + key;
    }

    public void mount(JavalinConfig config) {
        config.routes.post("/api/photos", this::upload);
        config.routes.get("/api/photos", ctx -> ctx.json(new OutreachRoutes.Items<>(photos.list().stream()
                .map(PhotoView::of).toList())));
        config.routes.get("/api/photos/{key}", ctx -> send(ctx, found(ctx)));
        config.routes.delete("/api/photos/{key}", ctx -> {
            try {
                if (!photos.delete(key(ctx))) {
                    throw notFound(ctx);
                }
            } catch (Broadcasts.Refused used) {
                throw new HttpServer.ClientError(409, used.getMessage());
            }
            ctx.status(204);
        });
        config.routes.get(chatUrl("{key}"), ctx -> send(ctx, found(ctx)));
    }

    private void upload(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > PhotoStore.MAX_BYTES) {
            throw tooLarge(declared);
        }
        byte[] content;
        try (InputStream body = ctx.req().getInputStream()) {
            content = body.readNBytes(PhotoStore.MAX_BYTES + 1);
        } catch (IOException broken) {
            throw new HttpServer.ClientError(400, "photo: the upload broke off before it was complete");
        }
        if (content.length > PhotoStore.MAX_BYTES) {
            throw tooLarge(content.length);
        }
        try {
            ctx.status(201).json(PhotoView.of(photos.upload(content, ctx.queryParam("name"))));
        } catch (Broadcasts.Refused refused) {
            throw new HttpServer.ClientError(400, refused.field() + ": " + refused.getMessage());
        }
    }

    private PhotoStore.StoredPhoto found(Context ctx) {
        return photos.find(key(ctx)).orElseThrow(() -> notFound(ctx));
    }

    private static String key(Context ctx) {
        String key = ctx.pathParam("key");
        if (!KEY.matcher(key).matches()) {
            throw new HttpServer.ClientError(400, "key: a photo key looks like ph-… (letters, digits, - and _)");
        }
        return key;
    }

    private static void send(Context ctx, PhotoStore.StoredPhoto photo) {
        String name = photo.fileName().isBlank() ? "photo" : photo.fileName();
        ctx.contentType(photo.mediaType())
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=86400")
                .result(photo.content());
    }

    private static HttpServer.ClientError notFound(Context ctx) {
        return new HttpServer.ClientError(404, "no photo " + ctx.pathParam("key"));
    }

    private static HttpServer.ClientError tooLarge(long size) {
        return new HttpServer.ClientError(413, "photo: a photo may have at most "
                + PhotoStore.MAX_BYTES / (1024 * 1024) + " MB, this one has " + size + " bytes");
    }

    /** A kept photo as the API shows it; {@code url} is where the admin API serves it. */
    record PhotoView(String id, String mediaType, String fileName, long sizeBytes, String sha256, String url,
                     Instant createdAt) {
        static PhotoView of(PhotoStore.StoredPhoto photo) {
            return new PhotoView(photo.key(), photo.mediaType(), photo.fileName(), photo.sizeBytes(), photo.sha256(),
                    "/api/photos/" + photo.key(), photo.createdAt());
        }
    }
}
