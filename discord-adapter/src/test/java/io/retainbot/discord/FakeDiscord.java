package io.retainbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retainbot.core.testing.MultipartForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local stand-in for Discord over real HTTP and WebSocket: the REST routes the bot uses (self,
 * commands, DM channels, messages, interaction callbacks) and a gateway that says HELLO, answers
 * IDENTIFY with READY, acknowledges heartbeats and dispatches whatever events the test sends.
 * Compression is off and the encoding JSON, as the adapter asks when pointed at a local gateway.
 */
public final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "1000000000000000001";
    public static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GfakeX.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new ArrayList<>();
    /** The id of the message each message-creating call made. */
    private final Map<Call, String> created = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final Deque<ScriptedError> errors = new ArrayDeque<>();
    private final Map<String, String> dmUsers = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong snowflakes = new AtomicLong();
    private final CountDownLatch identified = new CountDownLatch(1);
    private volatile ObjectNode guild;
    private volatile WebSocket gateway;
    private final List<JsonNode> identifies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean refuseResume;
    private volatile boolean guildHeld;
    private final List<Predicate<Call>> drops = new ArrayList<>();
    /** What the CDN serves: the content of attachments people "sent", by path. */
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();

    /** One REST request the bot made. */
    public record Call(String method, String path, JsonNode body, Instant at) {
        public String content() {
            return body.path("content").asText();
        }
    }

    private record ScriptedError(Predicate<Call> applies, int status, String body, Map<String, String> headers) {
    }

    public FakeDiscord() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String restUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    /**
     * An attachment someone sent in {@code channelId}, served from the fake's CDN; returns it as a message's
     * {@code attachments} entry (its {@code url} is where the CDN serves it).
     */
    public ObjectNode attachment(String channelId, String fileName, String contentType, byte[] content) {
        String id = nextId();
        String path = "/attachments/" + channelId + "/" + id + "/" + fileName;
        cdn.put(path, content.clone());
        String url = "http://127.0.0.1:" + server.getPort() + path + "?ex=6a1b2c3d&is=6a1a0000&hm=abc123";
        return JSON.createObjectNode().put("id", id).put("filename", fileName).put("size", content.length)
                .put("url", url).put("proxy_url", url).put("content_type", contentType).put("width", 640)
                .put("height", 480);
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    /** A server the bot is in, with one text channel (the staff channel); sent as GUILD_CREATE after READY. */
    public FakeDiscord withGuild(String guildId, String channelId) {
        ObjectNode created = JSON.createObjectNode().put("id", guildId).put("name", "Demo Shop").put("owner_id", "500000000000000001")
                .put("member_count", 2).put("large", false).put("preferred_locale", "en-US").put("afk_timeout", 300)
                .put("joined_at", "2026-01-05T09:00:00.000000+00:00");
        created.putArray("roles").addObject().put("id", guildId).put("name", "@everyone").put("permissions", "1071698660929")
                .put("position", 0).put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false)
                .put("flags", 0).putObject("colors").put("primary_color", 0);
        created.putArray("channels").addObject().put("id", channelId).put("type", 0).put("name", "staff")
                .put("position", 0).put("guild_id", guildId).put("nsfw", false).putArray("permission_overwrites");
        ObjectNode self = created.putArray("members").addObject().put("joined_at", "2026-01-05T09:00:00.000000+00:00")
                .put("deaf", false).put("mute", false).put("flags", 0);
        self.set("user", user(BOT_ID, "RetainBot", true));
        self.putArray("roles");
        for (String empty : List.of("threads", "guild_scheduled_events", "emojis", "voice_states", "stickers",
                "presences", "features", "stage_instances", "soundboard_sounds")) {
            created.putArray(empty);
        }
        guild = created;
        return this;
    }

    public void awaitIdentified() throws InterruptedException {
        if (!identified.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the bot never identified on the fake gateway");
        }
    }

    /** The server stays unavailable after READY (as while Discord loads it) until {@link #releaseGuild()}. */
    FakeDiscord holdGuild() {
        guildHeld = true;
        return this;
    }

    void releaseGuild() {
        guildHeld = false;
        sendGuild();
    }

    private void sendGuild() {
        ObjectNode create = JSON.createObjectNode().put("op", 0).put("t", "GUILD_CREATE").put("s", sequence.incrementAndGet());
        create.set("d", guild);
        gateway.send(create.toString());
    }

    /** What the bot sent with each IDENTIFY (intents, shard), in order. */
    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    int sessionsStarted() {
        return sessions.get();
    }

    /**
     * Closes the gateway connection with 4000 (unknown error), as Discord does when something broke on its
     * side; JDA reconnects and asks to resume, which is granted or refused (op 9, {@code d=false}).
     */
    void dropConnection(boolean allowResume) {
        refuseResume = !allowResume;
        gateway.close(4000, "fake gateway drop");
    }

    /** Sends a dispatch event (op 0) over the gateway. */
    public void dispatch(String type, JsonNode data) {
        ObjectNode event = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        event.set("d", data);
        gateway.send(event.toString());
    }

    /** A fresh snowflake for now (Discord ids carry their creation time; interactions expire after 15 minutes). */
    public String nextId() {
        return String.valueOf(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) + (snowflakes.incrementAndGet() & 0x3FFFFF));
    }

    /** The DM channel of a user, as Discord would create it. */
    static String dmChannelOf(String userId) {
        return String.valueOf(Long.parseLong(userId) + 7);
    }

    synchronized FakeDiscord failNext(Predicate<Call> applies, int status, String body, Map<String, String> headers) {
        errors.add(new ScriptedError(applies, status, body, headers));
        return this;
    }

    /** The next {@code times} matching requests get no answer: the connection is closed (a network failure). */
    synchronized FakeDiscord dropNext(Predicate<Call> applies, int times) {
        for (int i = 0; i < times; i++) {
            drops.add(applies);
        }
        return this;
    }

    /** Settings that point an adapter at this fake (one shard, no staff channel, 20 bulk messages a second). */
    DiscordSettings settings() {
        return new DiscordSettings(TOKEN, Optional.empty(), 1, List.of(), 20, Optional.of(restUrl()),
                Optional.of(gatewayUrl()));
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The id of the message {@code call} (one of {@link #calls()}) created or edited. */
    public String createdMessageId(Call call) {
        String id = created.get(call);
        if (id == null) {
            throw new IllegalArgumentException("no message came of " + call.method() + " " + call.path());
        }
        return id;
    }

    /** The messages posted to a user's DM channel. */
    synchronized List<Call> sentTo(String userId) {
        String path = "/api/v10/channels/" + dmChannelOf(userId) + "/messages";
        return calls.stream().filter(call -> call.method().equals("POST") && call.path().equals(path)).toList();
    }

    synchronized List<Call> callbacks(String interactionId) {
        return calls.stream().filter(call -> call.path().startsWith("/api/v10/interactions/" + interactionId + "/"))
                .toList();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/gateway")) {
            return new MockResponse.Builder().webSocketUpgrade(new GatewayListener()).build();
        }
        if (path.startsWith("/attachments/")) {
            byte[] content = cdn.get(path);
            return content == null ? new MockResponse.Builder().code(404).build()
                    : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                    .body(new okio.Buffer().write(content)).build();
        }
        JsonNode body = body(request);
        Call call = new Call(request.getMethod(), path, body, Instant.now());
        ScriptedError error;
        synchronized (this) {
            calls.add(call);
            Predicate<Call> drop = drops.stream().filter(applies -> applies.test(call)).findFirst().orElse(null);
            if (drop != null) {
                drops.remove(drop);
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
            }
            error = errors.stream().filter(scripted -> scripted.applies().test(call)).findFirst().orElse(null);
            if (error != null) {
                errors.remove(error);
            }
        }
        if (error != null) {
            MockResponse.Builder response = new MockResponse.Builder().code(error.status())
                    .addHeader("Content-Type", "application/json").addHeader("Via", "1.1 google").body(error.body());
            error.headers().forEach(response::addHeader);
            return response.build();
        }
        return route(call);
    }

    /**
     * A request's JSON; for a message with files (multipart) its payload_json, with the files listed under
     * {@code "uploads"} as {@code {"field", "filename", "size"}}.
     */
    private static JsonNode body(RecordedRequest request) {
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        Optional<MultipartForm> form = MultipartForm.read(request.getHeaders().get("Content-Type"), bytes);
        if (form.isEmpty()) {
            return parse(new String(bytes, StandardCharsets.UTF_8));
        }
        ObjectNode payload = form.get().part("payload_json").map(part -> parse(part.text()))
                .filter(JsonNode::isObject).map(ObjectNode.class::cast).orElseGet(JSON::createObjectNode);
        ArrayNode uploads = payload.putArray("uploads");
        form.get().parts().stream().filter(MultipartForm.Part::isFile).forEach(file -> uploads.addObject()
                .put("field", file.name()).put("filename", file.fileName()).put("size", file.content().length));
        return payload;
    }

    private MockResponse route(Call call) {
        String path = call.path().substring("/api/v10/".length() - 1);
        if (call.method().equals("GET") && path.equals("/users/@me")) {
            return json(user(BOT_ID, "RetainBot", true));
        }
        if (call.method().equals("GET") && path.matches("/gateway(/bot)?")) {
            ObjectNode gatewayBot = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", 1);
            gatewayBot.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            return json(gatewayBot);
        }
        if (call.method().equals("PATCH") && path.matches("/webhooks/\\d+/[^/]+/messages/@original")
                || call.method().equals("POST") && path.matches("/webhooks/\\d+/[^/]+")) {
            return json(message(nextId(), "0", user(BOT_ID, "RetainBot", true), call.content()));
        }
        if (call.method().equals("PUT") && path.matches("/applications/\\d+/commands")) {
            return json(JSON.createArrayNode());
        }
        if (call.method().equals("POST") && path.equals("/users/@me/channels")) {
            String userId = call.body().path("recipient_id").asText();
            String channelId = dmChannelOf(userId);
            dmUsers.put(channelId, userId);
            ObjectNode channel = JSON.createObjectNode().put("id", channelId).put("type", 1);
            channel.putArray("recipients").add(user(userId, "user" + userId, false));
            return json(channel);
        }
        if ((call.method().equals("POST") || call.method().equals("PATCH")) && path.matches("/channels/\\d+/messages(/\\d+)?")) {
            String channelId = path.split("/")[2];
            String messageId = call.method().equals("PATCH") ? path.split("/")[4] : nextId();
            created.put(call, messageId);
            return json(message(messageId, channelId, user(BOT_ID, "RetainBot", true), call.content()));
        }
        if (call.method().equals("POST") && path.matches("/channels/\\d+/(messages/\\d+/)?threads")) {
            String parent = path.split("/")[2];
            // a thread started from a message has the message's id
            String threadId = path.contains("/messages/") ? path.split("/")[4] : nextId();
            ObjectNode thread = JSON.createObjectNode().put("id", threadId).put("type", 11)
                    .put("guild_id", guild.path("id").asText()).put("parent_id", parent)
                    .put("name", call.body().path("name").asText()).put("owner_id", BOT_ID)
                    .put("member_count", 1).put("message_count", 0).put("total_message_sent", 0).put("flags", 0)
                    .put("rate_limit_per_user", 0);
            thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
                    .put("archive_timestamp", "2026-11-23T06:20:00.000000+00:00").put("locked", false);
            return json(thread);
        }
        if (path.startsWith("/interactions/") || call.method().equals("DELETE")) {
            return new MockResponse.Builder().code(204).build();
        }
        return new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"404: Not Found\",\"code\":0}").build();
    }

    public static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = JSON.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).putNull("avatar").put("bot", bot).put("public_flags", 0);
        return user;
    }

    public static ObjectNode message(String id, String channelId, ObjectNode author, String content) {
        ObjectNode message = JSON.createObjectNode().put("id", id).put("channel_id", channelId).put("type", 0)
                .put("content", content).put("timestamp", "2026-11-23T06:20:00.000000+00:00").putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", 0);
        message.set("author", author);
        for (String empty : List.of("mentions", "mention_roles", "attachments", "embeds", "components")) {
            message.putArray(empty);
        }
        return message;
    }

    private static MockResponse json(JsonNode body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("raw", text);
        }
    }

    private final class GatewayListener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket socket, Response response) {
            gateway = socket;
            socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            JsonNode payload = parse(text);
            switch (payload.path("op").asInt(-1)) {
                case 1 -> socket.send("{\"op\":11}");
                case 2 -> {
                    identifies.add(payload.path("d"));
                    ObjectNode ready = JSON.createObjectNode().put("v", 10)
                            .put("session_id", "fake-session-" + sessions.incrementAndGet())
                            .put("resume_gateway_url", gatewayUrl());
                    ready.set("user", user(BOT_ID, "RetainBot", true).put("verified", true).put("mfa_enabled", false));
                    ArrayNode guilds = ready.putArray("guilds");
                    if (guild != null) {
                        guilds.addObject().put("id", guild.path("id").asText()).put("unavailable", true);
                    }
                    ready.putArray("private_channels");
                    ready.putObject("application").put("id", BOT_ID).put("flags", 0);
                    ArrayNode shard = ready.putArray("shard");
                    shard.add(0).add(1);
                    ObjectNode event = JSON.createObjectNode().put("op", 0).put("t", "READY")
                            .put("s", sequence.incrementAndGet());
                    event.set("d", ready);
                    socket.send(event.toString());
                    if (guild != null && !guildHeld) {
                        sendGuild();
                    }
                    identified.countDown();
                }
                case 6 -> socket.send(refuseResume ? "{\"op\":9,\"d\":false}"
                        : "{\"op\":0,\"t\":\"RESUMED\",\"s\":" + sequence.incrementAndGet() + ",\"d\":{}}");
                default -> {
                    // presence updates and the like need no answer
                }
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(1000, null);
        }
    }

    @Override
    public void close() {
        WebSocket socket = gateway;
        if (socket != null) {
            socket.close(1000, "test over");
        }
        server.close();
    }

    static Duration between(Call first, Call second) {
        return Duration.between(first.at(), second.at());
    }
}
