package io.retainbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.core.port.StoreUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes updates Telegram posts to our own HTTP server (bot-app mounts it). The secret header is
 * compared in constant time and a mismatch is refused before anything is written; an update is
 * acknowledged with 200 only after the engine committed it, so Telegram re-sends anything we did
 * not keep.
 */
public final class WebhookHandler {
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final UpdateIntake intake;

    WebhookHandler(String secret, UpdateIntake intake) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.intake = intake;
    }

    /** What to answer Telegram: a status and a small JSON body. */
    public record Answer(int status, String body) {
    }

    public Answer handle(String secretHeader, String body) {
        byte[] given = secretHeader == null ? new byte[0] : secretHeader.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(secret, given)) {
            // not logged here: one forged call per line would let anyone flood the log (bot-app summarizes)
            return new Answer(403, "{\"error\":\"wrong secret token\"}");
        }
        Update update;
        try {
            update = JSON.readValue(body, Update.class);
        } catch (IOException | RuntimeException malformed) {
            return new Answer(400, "{\"error\":\"the body is not a Telegram update\"}");
        }
        try {
            intake.take(update);
        } catch (StoreUnavailableException unavailable) {
            return new Answer(503, "{\"error\":\"the database is unavailable; send it again\"}");
        } catch (RuntimeException failed) {
            // Nothing was committed: Telegram sends the update again, and the log says why it failed.
            log.error("could not take Telegram update {}; Telegram will send it again", update.getUpdateId(), failed);
            return new Answer(500, "{\"error\":\"the update could not be handled; send it again\"}");
        }
        return new Answer(200, "{\"ok\":true}");
    }
}
