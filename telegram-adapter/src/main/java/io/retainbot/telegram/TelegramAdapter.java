package io.retainbot.telegram;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.PhotoSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Telegram for RetainBot, wired by bot-app: {@link #gateway()} goes to the outbox dispatcher,
 * {@link #start} connects the engine and begins polling (or registers the webhook, which bot-app
 * serves with {@link #webhookHandler()}).
 */
public final class TelegramAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

    private final TelegramSettings settings;
    private final BotApi api;
    private final TelegramChatGateway gateway;
    private final Clock clock;
    private final Duration pollTimeout;
    private LongPoller poller;
    private WebhookHandler webhook;

    /** @param photos where the gateway reads the photos texts show */
    public TelegramAdapter(TelegramSettings settings, Clock clock, PhotoSource photos) {
        this(settings, clock, Duration.ofSeconds(25), photos);
    }

    TelegramAdapter(TelegramSettings settings, Clock clock, Duration pollTimeout) {
        this(settings, clock, pollTimeout, PhotoSource.NONE);
    }

    TelegramAdapter(TelegramSettings settings, Clock clock, Duration pollTimeout, PhotoSource photos) {
        this.settings = settings;
        this.api = new BotApi(settings.token(), settings.apiUrl());
        this.gateway = new TelegramChatGateway(api, settings.bulkPerSecond(), settings.paidBroadcast(), photos);
        this.clock = clock;
        this.pollTimeout = pollTimeout;
    }

    public ChatGateway gateway() {
        return gateway;
    }

    /**
     * Where photos people sent on Telegram are read back by their file id, for the platforms that need their
     * bytes (the web chat page, Discord); it needs no running adapter.
     */
    public static PhotoSource photosSentOn(TelegramSettings settings, Clock clock) {
        return new TelegramPhotos(new BotApi(settings.token(), settings.apiUrl()), clock);
    }

    /** The staff group, whose events the engine only takes from active staff. */
    public Optional<ChannelRef> staffChannel() {
        return settings.staffChatId().map(id -> new ChannelRef(Platform.TELEGRAM, id));
    }

    /** Connects the engine and starts receiving: polling, or registering the webhook. */
    public synchronized void start(EventSink sink, CursorStore cursors, ThreadFactory threads) {
        UpdateIntake intake = new UpdateIntake(new UpdateTranslator(settings.staffChatId(), clock), sink, api);
        CommandMenu.publish(api);
        if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
            webhook = new WebhookHandler(settings.webhookSecret().orElseThrow(), intake);
            try {
                api.setWebhook(settings.webhookUrl().orElseThrow(), settings.webhookSecret().orElseThrow());
                log.info("Telegram webhook registered at {}", settings.webhookUrl().orElseThrow());
            } catch (TelegramApiException refused) {
                log.error("Telegram did not accept the webhook {} ({}); check TELEGRAM_WEBHOOK_URL", settings.webhookUrl()
                        .orElseThrow(), refused.getMessage());
            }
            return;
        }
        try {
            api.execute(DeleteWebhook.builder().build());
        } catch (TelegramApiException refused) {
            log.warn("could not remove a Telegram webhook before polling ({}); polling will report a conflict if one is set",
                    refused.getMessage());
        }
        poller = new LongPoller(api, intake, cursors, pollTimeout);
        poller.start(threads);
        log.info("Telegram long polling started against {}", settings.apiUrl());
    }

    /** The webhook endpoint's logic; present in webhook mode once started. */
    public Optional<WebhookHandler> webhookHandler() {
        return Optional.ofNullable(webhook);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.close();
        }
    }
}
