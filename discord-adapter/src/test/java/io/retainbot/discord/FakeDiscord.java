package io.retainbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local fake of Discord for tests: the REST API under {@code /api/v10/} (what JDA asks at login,
 * DM channels, messages, interaction callbacks and follow-ups, global commands) and the gateway as a
 * WebSocket at {@code /gateway} (HELLO, IDENTIFY, READY, heartbeats, RESUME, then dispatched events,
 * JSON without compression). Every REST request is recorded; the next answers to a route can be
 * scripted (errors, 429s).
 *
 * <p>The interaction fixtures carry snowflake ids dated 2030: JDA computes an interaction's age from
 * its id against the real clock and refuses to follow up on one older than 15 minutes.
 */
final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "900000000000000001";
    static final String APPLICATION_ID = "900000000000000002";
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> scripted = new ConcurrentLinkedDeque<>();
    private final AtomicReference<WebSocket> socket = new AtomicReference<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong(800000000000000000L);
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private volatile boolean refuseResume;
    private volatile JsonNode guild;

    /** A REST request as the fake received it. */
    record Call(String method, String path, String query, JsonNode body, Instant at) {
        boolean is(String method, String pathPattern) {
            return this.method.equals(method) && path.matches(pathPattern);
        }
    }

    private record Scripted(String method, String pathPattern, MockResponse response) {
    }

    FakeDiscord start() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    URI restUrl() {
        return server.url("/api/v10/").uri();
    }

    URI gatewayUrl() {
        return URI.create("ws://" + server.getHostName() + ":" + server.getPort() + "/gateway");
    }

    /** The bot is a member of the guild in {@code fixtures/guild_create.json} (staff channel 700000000000000010). */
    FakeDiscord withStaffGuild() {
        guild = fixture("guild_create").get("d");
        return this;
    }

    DiscordSettings settings() {
        return new DiscordSettings("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs", java.util.Optional.empty(),
                1, List.of(), 20, java.util.Optional.empty(), java.util.Optional.empty())
                .withEndpoints(restUrl(), gatewayUrl());
    }

    // ---- REST ----

    /** The next request matching {@code method} and {@code pathPattern} (under /api/v10) gets {@code status} and {@code body}. */
    void answerNext(String method, String pathPattern, int status, String body, Headers headers) {
        scripted.add(new Scripted(method, pathPattern, new MockResponse.Builder().code(status).headers(headers)
                .addHeader("Content-Type", "application/json").addHeader("Via", "1.1 google").body(body).build()));
    }

    void failNext(String method, String pathPattern, int status, int discordCode, String message) {
        answerNext(method, pathPattern, status, "{\"code\":" + discordCode + ",\"message\":\"" + message + "\"}",
                Headers.of());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String pathPattern) {
        return calls.stream().filter(call -> call.is(method, pathPattern)).toList();
    }

    List<Call> callsMatching(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    private MockResponse answer(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/gateway")) {
            return new MockResponse.Builder().webSocketUpgrade(new GatewaySide()).build();
        }
        String path = request.getUrl().encodedPath().replaceFirst("^/api/v10", "");
        Call call = new Call(request.getMethod(), path, request.getUrl().query(), body(request), Instant.now());
        calls.add(call);
        for (Scripted next : scripted) {
            if (call.is(next.method(), next.pathPattern()) && scripted.remove(next)) {
                return next.response();
            }
        }
        return route(call);
    }

    private MockResponse route(Call call) {
        if (call.is("GET", "/users/@me")) {
            return json(200, selfUser());
        }
        if (call.is("GET", "/gateway(/bot)?")) {
            return json(200, JSON.createObjectNode().put("url", gatewayUrl().toString()).put("shards", 1)
                    .set("session_start_limit", JSON.createObjectNode().put("total", 1000).put("remaining", 1000)
                            .put("reset_after", 0).put("max_concurrency", 1)));
        }
        if (call.is("PUT", "/applications/\\d+/commands")) {
            return json(200, JSON.createArrayNode());
        }
        if (call.is("POST", "/users/@me/channels")) {
            String userId = call.body().path("recipient_id").asText();
            ObjectNode channel = JSON.createObjectNode().put("id", dmChannelOf(userId)).put("type", 1);
            channel.putArray("recipients").add(user(userId, "customer"));
            return json(200, channel);
        }
        if (call.is("POST", "/channels/\\d+/messages")) {
            String channelId = call.path().split("/")[2];
            return json(200, message(Long.toString(messageIds.incrementAndGet()), channelId, call.body()));
        }
        if (call.is("PATCH", "/channels/\\d+/messages/\\d+")) {
            String[] parts = call.path().split("/");
            return json(200, message(parts[4], parts[2], call.body()));
        }
        if (call.is("POST", "/channels/\\d+/messages/\\d+/threads")) {
            String[] parts = call.path().split("/");
            return json(201, JSON.createObjectNode().put("id", Long.toString(messageIds.incrementAndGet()))
                    .put("type", 11).put("parent_id", parts[2]).put("guild_id", "700000000000000001")
                    .put("name", call.body().path("name").asText()).put("owner_id", BOT_ID)
                    .put("member_count", 1).put("message_count", 0).put("total_message_sent", 0)
                    .put("rate_limit_per_user", 0).put("flags", 0).put("nsfw", false)
                    .set("thread_metadata", JSON.createObjectNode().put("archived", false)
                            .put("auto_archive_duration", 1440).put("locked", false).put("invitable", true)
                            .put("archive_timestamp", "2026-11-23T08:00:00.000000+00:00")
                            .put("create_timestamp", "2026-11-23T08:00:00.000000+00:00")));
        }
        if (call.is("POST", "/interactions/\\d+/[^/]+/callback")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (call.is("DELETE", "/webhooks/\\d+/[^/]+/messages/@original")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (call.is("PATCH", "/webhooks/\\d+/[^/]+/messages/@original") || call.is("POST", "/webhooks/\\d+/[^/]+")) {
            return json(200, message(Long.toString(messageIds.incrementAndGet()), "1", call.body()));
        }
        return json(404, JSON.createObjectNode().put("code", 0).put("message", "404: Not Found (fake)"));
    }

    static String dmChannelOf(String userId) {
        return Long.toString(Long.parseLong(userId) + 1);
    }

    private static JsonNode body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return JSON.createObjectNode();
        }
        String text = request.getBody().utf8();
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/")) {
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            text = start >= 0 && end > start ? text.substring(start, end + 1) : "{}";
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("raw", text);
        }
    }

    private static MockResponse json(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("Via", "1.1 google").body(body.toString()).build();
    }

    static ObjectNode user(String id, String name) {
        return JSON.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).putNull("avatar");
    }

    private static ObjectNode selfUser() {
        return user(BOT_ID, "retainbot").put("bot", true).put("verified", true).put("mfa_enabled", false);
    }

    private static ObjectNode message(String id, String channelId, JsonNode request) {
        ObjectNode message = JSON.createObjectNode().put("id", id).put("channel_id", channelId).put("type", 0)
                .put("content", request.path("content").asText("")).put("timestamp", "2026-11-23T08:00:00.000000+00:00")
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", 0);
        message.set("author", selfUser());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.set("components", request.has("components") ? request.get("components") : JSON.createArrayNode());
        return message;
    }

    // ---- gateway ----

    /** Sends a dispatch (op 0) of type {@code type} with payload {@code data}. */
    void dispatch(String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", data);
        send(frame);
    }

    /** Sends a recorded dispatch frame ({@code {"t": ..., "d": ...}}) from {@code fixtures/<name>.json}. */
    void dispatchFixture(String name) {
        JsonNode frame = fixture(name);
        dispatch(frame.get("t").asText(), frame.get("d"));
    }

    static JsonNode fixture(String name) {
        try (InputStream in = FakeDiscord.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the connection with 4000 (unknown error), as Discord does when something went wrong on its side;
     * JDA reconnects and tries to resume, which is granted or refused (op 9 with {@code d=false}).
     */
    void dropConnection(boolean allowResume) {
        refuseResume = !allowResume;
        WebSocket current = socket.get();
        if (current != null) {
            current.close(4000, "fake gateway drop");
        }
    }

    int sessionsStarted() {
        return sessions.get();
    }

    private void send(JsonNode frame) {
        WebSocket current = socket.get();
        if (current == null) {
            throw new IllegalStateException("no gateway connection");
        }
        current.send(frame.toString());
    }

    private final class GatewaySide extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket.set(webSocket);
            webSocket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (IOException notJson) {
                return;
            }
            switch (frame.path("op").asInt(-1)) {
                case 1 -> webSocket.send("{\"op\":11}");
                case 2 -> {
                    identifies.add(frame.get("d"));
                    ready(webSocket);
                }
                case 6 -> {
                    if (refuseResume) {
                        webSocket.send("{\"op\":9,\"d\":false}");
                    } else {
                        webSocket.send("{\"op\":0,\"t\":\"RESUMED\",\"s\":" + sequence.incrementAndGet() + ",\"d\":{}}");
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        private void ready(WebSocket webSocket) {
            sequence.set(0);
            ObjectNode ready = JSON.createObjectNode().put("v", 10)
                    .put("session_id", "session-" + sessions.incrementAndGet())
                    .put("resume_gateway_url", gatewayUrl().toString());
            ready.set("user", selfUser());
            ArrayNode guilds = ready.putArray("guilds");
            if (guild != null) {
                guilds.add(JSON.createObjectNode().put("id", guild.get("id").asText()).put("unavailable", true));
            }
            ready.putArray("private_channels");
            ready.set("application", JSON.createObjectNode().put("id", APPLICATION_ID).put("flags", 0));
            ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", "READY").put("s", sequence.incrementAndGet());
            frame.set("d", ready);
            webSocket.send(frame.toString());
            if (guild != null) {
                ObjectNode create = JSON.createObjectNode().put("op", 0).put("t", "GUILD_CREATE")
                        .put("s", sequence.incrementAndGet());
                create.set("d", guild);
                webSocket.send(create.toString());
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static List<String> texts(List<Call> calls) {
        List<String> texts = new ArrayList<>();
        calls.forEach(call -> texts.add(call.body().path("content").asText()));
        return texts;
    }
}
