package io.retainbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API as the adapter uses it, through TelegramBots' OkHttp client pointed at the configured
 * server. Every call connects within {@link #CONNECT_TIMEOUT} and ends within {@link #CALL_TIMEOUT}
 * (a Bot API that hangs yields a retryable failure, never a stuck sender); long polls use a client
 * of their own whose calls may last {@link #POLL_CALL_TIMEOUT}.
 *
 * <p>A method with a JSON body (sendMessage, editMessageText and the like) is called on the caller's own
 * thread: TelegramBots' {@code execute} hands every call to a thread of OkHttp's and waits for it, which at
 * 1,000 sends a second (paid broadcasts) doubled the threads in flight for nothing. The request is the one
 * TelegramBots makes (the method serialised by its own Jackson mapping, posted as JSON to
 * {@code /bot<token>/<method>}) and the answer is read by the method itself, so an error answer is the same
 * {@code TelegramApiRequestException}. Uploads (sendPhoto) and long polls go through TelegramBots.
 */
final class BotApi {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL_CALL_TIMEOUT = Duration.ofSeconds(75);
    /** Calls in flight at once through TelegramBots (uploads, the long poll), and idle connections kept. */
    static final int MAX_CALLS_AT_ONCE = 128;
    /** Writes a method as TelegramBots' own client does (its default mapper). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final OkHttpTelegramClient client;
    private final OkHttpTelegramClient poller;
    private final OkHttpClient calls;
    private final String methodUrl;
    private final String fileUrl;

    BotApi(String token, URI apiUrl) {
        this(token, apiUrl, CALL_TIMEOUT);
    }

    /** @param callTimeout the most a send or any other call but a long poll may take */
    BotApi(String token, URI apiUrl, Duration callTimeout) {
        // TelegramBots sends through OkHttp's asynchronous calls, which by default allow 5 at once per host:
        // every call goes to one host, so that alone held paid broadcasts (1,000 a second) to 5 per round trip
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_CALLS_AT_ONCE);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS_AT_ONCE);
        OkHttpClient calls = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(MAX_CALLS_AT_ONCE, 5, TimeUnit.MINUTES))
                .connectTimeout(CONNECT_TIMEOUT)
                .callTimeout(callTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .build();
        OkHttpClient polls = calls.newBuilder()
                .callTimeout(POLL_CALL_TIMEOUT)
                .readTimeout(POLL_CALL_TIMEOUT)
                .build();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
        this.client = new OkHttpTelegramClient(calls, token, url);
        this.calls = calls;
        this.methodUrl = apiUrl.getScheme() + "://" + apiUrl.getHost() + ":" + port + "/bot" + token + "/";
        this.fileUrl = apiUrl.getScheme() + "://" + apiUrl.getHost() + ":" + port + "/file/bot" + token + "/";
        this.poller = new OkHttpTelegramClient(polls, token, url);
    }

    /** Calls a method with a JSON body on this thread and reads its answer (see the class comment). */
    <T extends java.io.Serializable, M extends BotApiMethod<T>> T execute(M method) throws TelegramApiException {
        method.validate();
        Request request;
        try {
            request = new Request.Builder().url(methodUrl + method.getMethod())
                    .header("charset", StandardCharsets.UTF_8.name())
                    .post(RequestBody.create(JSON.writeValueAsString(method), APPLICATION_JSON))
                    .build();
        } catch (JsonProcessingException unwritable) {
            throw new TelegramApiException("Unable to write " + method.getMethod() + " as JSON", unwritable);
        }
        try (Response response = calls.newCall(request).execute()) {
            return method.deserializeResponse(response.body().string());
        } catch (java.io.IOException trouble) {
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", trouble);
        }
    }

    /** A photo with its caption and buttons (a multipart upload, or the id Telegram gave the photo before). */
    Message sendPhoto(SendPhoto photo) throws TelegramApiException {
        return client.execute(photo);
    }

    /**
     * The content of a file someone sent (by its file id): asked for with getFile, then downloaded; empty when
     * Telegram no longer has it or it is larger than {@code maxBytes}.
     */
    java.util.Optional<byte[]> download(String fileId, int maxBytes) throws TelegramApiException, java.io.IOException {
        org.telegram.telegrambots.meta.api.objects.File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException refused) {
            if (refused.getErrorCode() != null && refused.getErrorCode() == 400) {
                return java.util.Optional.empty();
            }
            throw refused;
        }
        if (file.getFilePath() == null || file.getFileSize() != null && file.getFileSize() > maxBytes) {
            return java.util.Optional.empty();
        }
        Request request = new Request.Builder().url(fileUrl + file.getFilePath()).build();
        try (Response response = calls.newCall(request).execute()) {
            if (response.code() == 404 || response.code() == 400) {
                return java.util.Optional.empty();
            }
            if (!response.isSuccessful() || response.body() == null) {
                throw new java.io.IOException("Telegram answered " + response.code() + " for a file download");
            }
            byte[] content = response.body().byteStream().readNBytes(maxBytes + 1);
            return content.length > maxBytes || content.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(content);
        }
    }

    /** One long poll; {@code timeout} must stay well below {@link #POLL_CALL_TIMEOUT}. */
    List<Update> updates(long offset, Duration timeout) throws TelegramApiException {
        return poller.execute(GetUpdates.builder()
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
