package io.retainbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * test fills, answers sendMessage, editMessageText, answerCallbackQuery, setMyCommands,
 * deleteWebhook and setWebhook, records every call but getUpdates, and answers scripted errors
 * (429, 403, 5xx, also on getUpdates) when told to.
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
        String prefix = "/bot" + TOKEN + "/";
        if (!path.startsWith(prefix)) {
            respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = raw.startsWith("{") ? JSON.readTree(raw) : JSON.createObjectNode();
        int messageId = method.equals("sendmessage") ? messageIds.incrementAndGet() : body.path("message_id").asInt();
        Call call = new Call(method, body, raw, Instant.now(), messageId);
        boolean polling = method.equals("getupdates");
        ScriptedError error;
        boolean hangs;
        synchronized (this) {
            if (!polling) {
                calls.add(call);
            }
            hangs = hanging.contains(method);
            error = errors.stream().filter(e -> e.method().equals(method) && e.applies().test(call)).findFirst()
                    .orElse(null);
            if (error != null) {
                errors.remove(error);
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
            default -> JSON.getNodeFactory().booleanNode(true);
        };
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
