package io.retainbot.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.retainbot.core.testing.Await;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A visitor of the web chat over real HTTP: keeps the session cookie, posts events, reads the bot's messages. */
final class WebVisitor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final String base;
    private final HttpClient client;
    private final List<JsonNode> messages = new ArrayList<>();
    private long lastId;

    WebVisitor(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    WebVisitor openChat() {
        HttpResponse<String> page = get("/chat");
        if (page.statusCode() != 200) {
            throw new AssertionError("GET /chat answered " + page.statusCode());
        }
        return this;
    }

    WebVisitor say(String text) {
        String type = text.startsWith("/") ? "command" : "text";
        return event(Map.of("id", nextId(), "type", type, "text", text, "language", "en"));
    }

    /** Presses the button labelled {@code label} on the newest message that has it, waiting for it to arrive. */
    WebVisitor press(String label) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                for (JsonNode row : messages.get(i).get("buttons")) {
                    for (JsonNode button : row) {
                        if (button.get("label").asText().equals(label)) {
                            return event(Map.of("id", nextId(), "type", "button", "data", button.get("data").asText(),
                                    "messageId", messages.get(i).get("id").asText(), "language", "en"));
                        }
                    }
                }
            }
            sleep();
            poll();
        }
        throw new AssertionError("no button \"" + label + "\" in " + texts());
    }

    /** Waits until the bot has said something containing {@code text}; returns that message's text. */
    String awaitText(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            poll();
            for (JsonNode message : messages) {
                if (message.get("text").asText().contains(text)) {
                    return message.get("text").asText();
                }
            }
            sleep();
        }
        throw new AssertionError("the bot never said \"" + text + "\"; it said " + texts());
    }

    List<String> texts() {
        return messages.stream().map(message -> message.get("text").asText()).toList();
    }

    private WebVisitor event(Map<String, String> event) {
        try {
            HttpResponse<String> response = post("/chat/api/events", JSON.writeValueAsString(event));
            if (response.statusCode() != 202) {
                throw new AssertionError("event answered " + response.statusCode() + ": " + response.body());
            }
            return this;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void poll() {
        HttpResponse<String> response = get("/chat/api/messages?after=" + lastId);
        try {
            for (JsonNode message : JSON.readTree(response.body())) {
                messages.add(message);
                lastId = Math.max(lastId, message.get("id").asLong());
            }
        } catch (IOException e) {
            throw new AssertionError("messages were not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String nextId() {
        return "e" + EVENTS.incrementAndGet() + "-" + System.nanoTime();
    }

    private static void sleep() {
        Await.pause();
    }
}
