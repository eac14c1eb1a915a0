package io.retainbot.telegram;

import io.retainbot.core.port.CursorStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads updates with {@code getUpdates}, one at a time into the engine, and moves the offset kept
 * in PostgreSQL only past updates the engine has committed. A crash anywhere means the update comes
 * again and the inbox recognises it; trouble (network, database, 5xx, 409) backs off from one
 * second up to thirty and polling carries on, never stopping silently.
 */
final class LongPoller implements AutoCloseable {
    static final String CURSOR = "telegram.offset";
    private static final Logger log = LoggerFactory.getLogger(LongPoller.class);

    private final BotApi api;
    private final UpdateIntake intake;
    private final CursorStore cursors;
    private final Duration pollTimeout;
    private volatile boolean running;
    private Thread thread;

    LongPoller(BotApi api, UpdateIntake intake, CursorStore cursors, Duration pollTimeout) {
        this.api = api;
        this.intake = intake;
        this.cursors = cursors;
        this.pollTimeout = pollTimeout;
    }

    synchronized void start(ThreadFactory threads) {
        if (running) {
            return;
        }
        running = true;
        thread = threads.newThread(this::run);
        thread.start();
    }

    /** One round: fetch what is waiting after the stored offset and take it in order. Returns how many were taken. */
    int pollOnce() throws TelegramApiException {
        long offset = storedOffset();
        List<Update> updates = api.updates(offset, pollTimeout);
        int taken = 0;
        for (Update update : updates) {
            if (update.getUpdateId() == null || update.getUpdateId() < offset) {
                continue;
            }
            intake.take(update);
            long next = update.getUpdateId() + 1L;
            cursors.save(CURSOR, Long.toString(next));
            taken++;
        }
        return taken;
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (running) {
            try {
                pollOnce();
                backoff.succeeded();
            } catch (TelegramApiRequestException refused) {
                if (refused.getErrorCode() != null && refused.getErrorCode() == 401) {
                    log.error("Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN; retrying in {} s",
                            Backoff.MAX.toSeconds());
                    pause(backoff.refusedForGood());
                } else {
                    Duration wait = backoff.failed();
                    log.warn("getUpdates refused ({} {}); retrying in {} s", refused.getErrorCode(),
                            refused.getApiResponse(), wait.toSeconds());
                    pause(wait);
                }
            } catch (TelegramApiException | RuntimeException trouble) {
                if (!running) {
                    break;
                }
                Duration wait = backoff.failed();
                log.warn("Telegram polling interrupted ({}); retrying from the stored offset in {} s", trouble.getMessage(),
                        wait.toSeconds());
                pause(wait);
            }
        }
    }

    private long storedOffset() {
        return cursors.find(CURSOR).map(Long::parseLong).orElse(0L);
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
