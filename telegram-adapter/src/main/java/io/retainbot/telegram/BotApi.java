package io.retainbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API as the adapter uses it, through TelegramBots' OkHttp client pointed at the configured
 * server. Read timeouts leave room for long polls.
 */
final class BotApi {
    private final OkHttpTelegramClient client;

    BotApi(String token, URI apiUrl) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
        this.client = new OkHttpTelegramClient(http, token, new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port,
                false));
    }

    <T extends java.io.Serializable, M extends BotApiMethod<T>> T execute(M method) throws TelegramApiException {
        return client.execute(method);
    }

    List<Update> updates(long offset, Duration timeout) throws TelegramApiException {
        return client.execute(GetUpdates.builder()
                .offset((int) offset)
                .timeout((int) timeout.toSeconds())
                .limit(100)
                .allowedUpdates(List.of("message", "edited_message", "callback_query", "my_chat_member"))
                .build());
    }

    void setWebhook(URI url, String secret) throws TelegramApiException {
        client.execute(SetWebhook.builder().url(url.toString()).secretToken(secret)
                .allowedUpdates(List.of("message", "edited_message", "callback_query", "my_chat_member"))
                .build());
    }
}
