package io.retainbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.retainbot.core.testing.MultipartForm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for the Telegram Bot API, over real HTTP: serves getUpdates from a queue the
 * test fills, answers sendMessage, sendPhoto (multipart: its fields read into the call's body, an
 * uploaded file as {@code {"upload": name, "size": bytes}} in the field that attaches it, and a photo
 * file id for the answer),
 * getFile and the download of a file the test gave it ({@link #withFile}),
 * editMessageText, answerCallbackQuery, setMyCommands, deleteWebhook and setWebhook, records every call
 * but getUpdates, and answers scripted errors (429, 403, 5xx, also on getUpdates) when told to. Told a
 * budget ({@link #limitSendsTo}), it refuses a send beyond it in any one second with 429 and
 * {@code retry_after}, as Telegram does, and counts the sends that come inside a retry window it announced
 * and the sends to a chat that had one already; told so ({@link #forgetCalls}), it counts and keeps no calls.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456789:TEST-token_abcdefghijklmnopqrstuv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> updates = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<ScriptedError> errors = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(500);
    private final java.util.Set<String> hanging = new java.util.HashSet<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private long confirmedOffset;
    private final Budget budget = new Budget();
    private volatile boolean keepCalls = true;
    /** The content of the files people "sent", by file id, for getFile and the download. */
    private final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a budget saw: sends answered, refused with 429, come inside a retry window, repeated to a chat. */
    public record SendCounts(long delivered, long rateLimited, long insideRetryWindow, long duplicates) {
    }

    /** Sends within a budget of so many a second, counted. */
    private static final class Budget {
        private final Deque<Long> lastSecond = new ArrayDeque<>();
        private final java.util.Set<String> chats = new java.util.HashSet<>();
        private int perSecond;
        private long retryUntil = Long.MIN_VALUE;
        private long delivered;
        private long rateLimited;
        private long insideRetryWindow;
        private long duplicates;

        /** Seconds to wait when this send is beyond the budget; 0 when it may go (and is counted). */
        synchronized int admit(String chatId) {
            long now = System.nanoTime();
            if (perSecond > 0) {
                if (now < retryUntil) {
                    insideRetryWindow++;
                    rateLimited++;
                    return (int) Math.max(1, Duration.ofNanos(retryUntil - now).toSeconds());
                }
                while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                    lastSecond.pollFirst();
                }
                if (lastSecond.size() >= perSecond) {
                    retryUntil = now + 1_000_000_000L;
                    rateLimited++;
                    return 1;
                }
                lastSecond.addLast(now);
            }
            delivered++;
            if (!chats.add(chatId)) {
                duplicates++;
            }
            return 0;
        }

        synchronized SendCounts counts() {
            return new SendCounts(delivered, rateLimited, insideRetryWindow, duplicates);
        }
    }

    /** One request the bot made. */
    public record Call(String method, JsonNode body, String raw, Instant at, int messageId) {
        public String chatId() {
            return body.path("chat_id").asText();
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    private record ScriptedError(String method, Predicate<Call> applies, int status, String description,
                                 Integer retryAfter) {
    }

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues an update (JSON with update_id) for getUpdates. */
    public synchronized FakeBotApi push(String updateJson) {
        try {
            updates.add(JSON.readTree(updateJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        notifyAll();
        return this;
    }

    /** A file someone sent on Telegram (a photo), which getFile names and the download serves. */
    public FakeBotApi withFile(String fileId, byte[] content) {
        files.put(fileId, content.clone());
        return this;
    }

    /** The photos sent to a chat (sendPhoto), oldest first. */
    public synchronized List<Call> photosSentTo(String chatId) {
        return calls.stream().filter(call -> call.method().equals("sendphoto") && call.chatId().equals(chatId))
                .toList();
    }

    /** Answers the next matching call of {@code method} with an error. */
    synchronized FakeBotApi failNext(String method, Predicate<Call> applies, int status, String description,
                                     Integer retryAfter) {
        errors.add(new ScriptedError(method.toLowerCase(Locale.ROOT), applies, status, description, retryAfter));
        return this;
    }

    /** From now on calls of {@code method} are received but never answered (until the fake is closed). */
    synchronized FakeBotApi hang(String method) {
        hanging.add(method.toLowerCase(Locale.ROOT));
        return this;
    }

    /** From now on at most {@code perSecond} sends in any second (0: no budget); beyond, 429 and retry_after. */
    public FakeBotApi limitSendsTo(int perSecond) {
        synchronized (budget) {
            budget.perSecond = perSecond;
        }
        return this;
    }

    /** From now on calls are counted (see {@link #sendCounts}) but not kept: for long runs. */
    public FakeBotApi forgetCalls() {
        keepCalls = false;
        return this;
    }

    public SendCounts sendCounts() {
        return budget.counts();
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method.toLowerCase(Locale.ROOT))).toList();
    }

    public synchronized List<Call> sentTo(String chatId) {
        return calls.stream().filter(call -> call.method().equals("sendmessage") && call.chatId().equals(chatId))
                .toList();
    }

    synchronized long confirmedOffset() {
        return confirmedOffset;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String download = "/file/bot" + TOKEN + "/photos/";
        if (path.startsWith(download)) {
            byte[] content = files.get(path.substring(download.length()));
            if (content == null) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
            return;
        }
        String prefix = "/bot" + TOKEN + "/";
        if (!path.startsWith(prefix)) {
            respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String raw = new String(bytes, StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        java.util.Optional<MultipartForm> form = MultipartForm.read(contentType, bytes);
        JsonNode body = form.isPresent() ? multipart(form.get())
                : raw.startsWith("{") ? JSON.readTree(raw) : JSON.createObjectNode();
        int messageId = method.equals("sendmessage") || method.equals("sendphoto") ? messageIds.incrementAndGet()
                : body.path("message_id").asInt();
        Call call = new Call(method, body, raw, Instant.now(), messageId);
        boolean polling = method.equals("getupdates");
        ScriptedError error;
        boolean hangs;
        synchronized (this) {
            if (!polling && keepCalls) {
                calls.add(call);
            }
            hangs = hanging.contains(method);
            error = errors.stream().filter(e -> e.method().equals(method) && e.applies().test(call)).findFirst()
                    .orElse(null);
            if (error != null) {
                errors.remove(error);
            }
        }
        if (error == null && (method.equals("sendmessage") || method.equals("sendphoto"))) {
            int retryAfter = budget.admit(call.chatId());
            if (retryAfter > 0) {
                error = new ScriptedError(method, any -> true, 429, "Too Many Requests: retry after " + retryAfter,
                        retryAfter);
            }
        }
        if (hangs) {
            try {
                closed.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (polling && error == null) {
            respond(exchange, 200, ok(getUpdates(body)));
            return;
        }
        if (error == null && method.equals("getfile") && !files.containsKey(body.path("file_id").asText())) {
            error = new ScriptedError(method, any -> true, 400, "Bad Request: invalid file_id", null);
        }
        if (error != null) {
            ObjectNode answer = JSON.createObjectNode().put("ok", false).put("error_code", error.status())
                    .put("description", error.description());
            if (error.retryAfter() != null) {
                answer.putObject("parameters").put("retry_after", error.retryAfter());
            }
            respond(exchange, error.status(), answer.toString());
            return;
        }
        respond(exchange, 200, ok(result(method, body, messageId)));
    }

    private JsonNode getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        long timeoutMillis = Math.min(Duration.ofSeconds(body.path("timeout").asLong(0)).toMillis(), 1000);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (this) {
            confirmedOffset = Math.max(confirmedOffset, offset);
            updates.removeIf(update -> update.path("update_id").asLong() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return JSON.valueToTree(List.copyOf(updates));
        }
    }

    private JsonNode result(String method, JsonNode body, int id) {
        return switch (method) {
            case "sendmessage", "editmessagetext" -> {
                ObjectNode message = JSON.createObjectNode();
                message.put("message_id", id).put("date", Instant.now().getEpochSecond())
                        .put("text", body.path("text").asText());
                long chatId = body.path("chat_id").asLong();
                // as Telegram numbers them: groups negative, people positive
                message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
                yield message;
            }
            case "getfile" -> {
                String fileId = body.path("file_id").asText();
                yield JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                        .put("file_size", files.get(fileId).length).put("file_path", "photos/" + fileId);
            }
            case "sendphoto" -> {
                ObjectNode message = JSON.createObjectNode();
                message.put("message_id", id).put("date", Instant.now().getEpochSecond());
                if (body.has("caption")) {
                    message.put("caption", body.path("caption").asText());
                }
                long chatId = body.path("chat_id").asLong();
                message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
                String fileId = body.path("photo").isTextual() ? body.path("photo").asText() : "AgAC-photo-" + id;
                message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                        .put("width", 640).put("height", 480);
                yield message;
            }
            default -> JSON.getNodeFactory().booleanNode(true);
        };
    }

    /**
     * The fields of a multipart/form-data body as JSON: text fields as text (JSON values such as
     * reply_markup parsed), a file as {@code {"upload": file name, "size": bytes}} in the field that
     * attaches it ({@code "attach://<part>"}).
     */
    private static ObjectNode multipart(MultipartForm form) throws IOException {
        ObjectNode fields = JSON.createObjectNode();
        for (MultipartForm.Part part : form.parts()) {
            if (part.isFile()) {
                continue;
            }
            String text = part.text();
            java.util.Optional<MultipartForm.Part> attached = text.startsWith("attach://")
                    ? form.part(text.substring("attach://".length())) : java.util.Optional.empty();
            if (attached.isPresent()) {
                fields.putObject(part.name()).put("upload", attached.get().fileName())
                        .put("size", attached.get().content().length);
            } else if (text.startsWith("{") || text.startsWith("[")) {
                fields.set(part.name(), JSON.readTree(text));
            } else {
                fields.put(part.name(), text);
            }
        }
        return fields;
    }

    private static String ok(JsonNode result) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.set("result", result);
        return answer.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
