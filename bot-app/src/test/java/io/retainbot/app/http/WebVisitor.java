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
public final class WebVisitor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final Map<String, String> headers;
    private final List<JsonNode> messages = new ArrayList<>();
    private long lastId;

    public WebVisitor(int port) {
        this(port, Map.of());
    }

    /** A visitor whose every request carries {@code headers} (for example the X-Forwarded-For a proxy adds). */
    WebVisitor(int port, Map<String, String> headers) {
        this.base = "http://localhost:" + port;
        this.headers = Map.copyOf(headers);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The session cookie the server set, if any. */
    java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Sends this cookie from now on, as a browser that kept (or forged) it would. */
    WebVisitor withCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/chat");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/chat"), cookie);
        return this;
    }

    /** Any request: a method, a path, a body with its content type (null for none), more headers in pairs. */
    HttpResponse<String> request(String method, String path, String contentType, byte[] body, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request);
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

    public WebVisitor openChat() {
        HttpResponse<String> page = get("/chat");
        if (page.statusCode() != 200) {
            throw new AssertionError("GET /chat answered " + page.statusCode());
        }
        HttpResponse<String> session = post("/chat/api/session", "");
        if (session.statusCode() != 201 && session.statusCode() != 200) {
            throw new AssertionError("POST /chat/api/session answered " + session.statusCode() + ": " + session.body());
        }
        return this;
    }

    /** Sends one chat event and returns the answer, whatever it is. */
    HttpResponse<String> trySay(String text) {
        try {
            return post("/chat/api/events", JSON.writeValueAsString(Map.of("id", nextId(), "type", "text", "text", text,
                    "language", "en")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    WebVisitor say(String text) {
        String type = text.startsWith("/") ? "command" : "text";
        return event(Map.of("id", nextId(), "type", type, "text", text, "language", "en"));
    }

    /**
     * Starts the chat, declines the offers consent and files a complaint under the category button
     * {@code category} with {@code description}, no photo and no contact; waits until it is registered.
     */
    public WebVisitor fileComplaint(String category, String description) {
        say("/start");
        press("No, thank you");
        press("File a complaint");
        press(category);
        awaitText("Please describe what happened");
        say(description);
        press("Skip");
        press("Continue without");
        press("Send complaint");
        awaitText("registered under reference");
        return this;
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
        return awaitText(text, () -> "");
    }

    /** As {@link #awaitText(String)}; a failure also tells {@code evidence} (for example the work left). */
    String awaitText(String text, java.util.function.Supplier<String> evidence) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            poll();
            for (JsonNode message : messages) {
                if (message.get("from").asText().equals("bot") && message.get("text").asText().contains(text)) {
                    return message.get("text").asText();
                }
            }
            sleep();
        }
        throw new AssertionError("the bot never said \"" + text + "\"; it said " + texts() + evidence.get());
    }

    /** What the bot said so far. */
    List<String> texts() {
        return messages.stream().filter(message -> message.get("from").asText().equals("bot"))
                .map(message -> message.get("text").asText()).toList();
    }

    /** Every transcript line so far, both sides. */
    List<JsonNode> lines() {
        return List.copyOf(messages);
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
            for (JsonNode message : JSON.readTree(response.body()).get("messages")) {
                messages.add(message);
                lastId = Math.max(lastId, message.get("id").asLong());
            }
        } catch (IOException e) {
            throw new AssertionError("messages were not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            try {
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                if (!closedBeforeAnyAnswer(closed)) {
                    throw closed;
                }
                // a kept-alive connection the server had already closed (as after a 413 or 414): the request
                // never reached it, and a browser sends it again on a new connection; so does this visitor
                return client.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean closedBeforeAnyAnswer(IOException failure) {
        return String.valueOf(failure.getMessage()).contains("header parser received no bytes");
    }

    private static String nextId() {
        return "e" + EVENTS.incrementAndGet() + "-" + System.nanoTime();
    }

    private static void sleep() {
        Await.pause();
    }
}
