package io.retainbot.app.http;

import io.javalin.config.JavalinConfig;
import io.retainbot.telegram.TelegramAdapter;
import io.retainbot.telegram.WebhookHandler;

/** {@code POST /telegram/webhook}: where Telegram posts updates in webhook mode. */
public final class TelegramWebhookRoute {
    public static final String PATH = "/telegram/webhook";

    private TelegramWebhookRoute() {
    }

    /** @param refusals where calls with a wrong secret are logged, summarized */
    public static void mount(JavalinConfig config, TelegramAdapter adapter, RefusalLog refusals) {
        config.routes.post(PATH, ctx -> {
            WebhookHandler.Answer answer = adapter.webhookHandler()
                    .map(handler -> handler.handle(ctx.header(WebhookHandler.SECRET_HEADER), ctx.body()))
                    .orElse(new WebhookHandler.Answer(404, "{\"error\":\"the Telegram webhook is not enabled\"}"));
            if (answer.status() == 403) {
                refusals.refused("Telegram webhook calls with a wrong or missing secret token");
            }
            ctx.status(answer.status()).contentType("application/json").result(answer.body());
        });
    }
}
