package io.retainbot.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.retainbot.core.DaemonThreads;
import io.retainbot.app.StartupFailure;
import io.retainbot.app.config.WebChatSettings;
import io.retainbot.app.web.WebChat;
import io.retainbot.app.web.WebEvent;
import io.retainbot.console.access.LoginThrottle;
import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintAttachment;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.StoreUnavailableException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.staff.StaffMember;
import io.retainbot.core.usecase.HandoverCare;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RetainBot's HTTP server (Javalin on Jetty): {@code /health}, {@code /metrics} (see {@link MetricsAccess}), the web chat under
 * {@code /chat}, and the REST API under {@code /api} behind the admin token. Every error is JSON
 * with a message; nothing a client sends can produce a 500 with a stack trace.
 */
public final class HttpServer implements AutoCloseable {
    static final String SESSION_COOKIE = "retainbot_chat";
    static final String EMBED_COOKIE = "retainbot_chat_embed";
    private static final int COOKIE_DAYS = 365;
    private static final int MAX_URI_BYTES = 8 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final String STARTED = "retainbot.started";
    private static final int MAX_PAGE = 500;
    /** While every connection slot is taken, a connection idle this long is closed to make room. */
    private static final Duration IDLE_WHEN_FULL = Duration.ofSeconds(5);
    private static final Set<String> API_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Clock clock;
    private final Transactor transactor;
    private final BooleanSupplier databaseUp;
    private final PrometheusMeterRegistry meters;
    private final AdminAccess admin;
    private final MetricsAccess metricsAccess;
    private final WebChat webChat;
    private final WebChatSettings web;
    private final SecurityHeaders securityHeaders;
    private final ObjectMapper json;
    private final RefusalLog refusals;
    private final LoginThrottle throttle;
    /** Wrong metrics tokens, apart from wrong admin tokens: a mistyped admin token never stops the scrapes. */
    private final LoginThrottle metricsThrottle;
    private final ScheduledExecutorService summaries;
    private final BusyRefusal busy;
    private final Javalin javalin;
    /** Set while Javalin builds its Jetty server. */
    private NetworkConnectionLimit connections;

    /**
     * @param extraRoutes more routes for adapters (the Telegram webhook), added as they are
     */
    public HttpServer(Transactor transactor, BooleanSupplier databaseUp, PrometheusMeterRegistry meters,
                      AdminAccess admin, MetricsAccess metricsAccess, WebChat webChat, WebChatSettings web,
                      Consumer<JavalinConfig> extraRoutes) {
        this(transactor, databaseUp, meters, admin, metricsAccess, webChat, web, extraRoutes,
                new RefusalLog(Clock.systemUTC(), log::warn), Clock.systemUTC(), RequestLimits.DEFAULT);
    }

    /**
     * @param extraRoutes more routes for adapters (the Telegram webhook), added as they are
     * @param refusals    where refused requests are logged, summarized; flushed here once a minute
     * @param clock       for slowing down guesses of the admin token
     * @param limits      how many requests are handled at once and may wait; beyond that 503 at once
     */
    public HttpServer(Transactor transactor, BooleanSupplier databaseUp, PrometheusMeterRegistry meters,
                      AdminAccess admin, MetricsAccess metricsAccess, WebChat webChat, WebChatSettings web,
                      Consumer<JavalinConfig> extraRoutes, RefusalLog refusals, Clock clock, RequestLimits limits) {
        this.refusals = refusals;
        this.busy = new BusyRefusal(limits, refusals);
        this.throttle = new LoginThrottle(clock);
        this.metricsThrottle = new LoginThrottle(clock);
        this.clock = clock;
        this.summaries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("retainbot-refusal-log"));
        this.transactor = transactor;
        this.databaseUp = databaseUp;
        this.meters = meters;
        this.admin = admin;
        this.metricsAccess = metricsAccess;
        this.webChat = webChat;
        this.web = web;
        this.securityHeaders = new SecurityHeaders(web.allowedOrigins());
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = 256 * 1024;
            config.http.prefer405over404 = true;
            config.jetty.threadPool = threadPool(limits);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_URI_BYTES);
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler(securityHeaders));
                connections = new NetworkConnectionLimit(limits.connections(), server);
                connections.setEndPointIdleTimeout(IDLE_WHEN_FULL.toMillis());
                server.addBean(connections);
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JsonErrorHandler(securityHeaders));
                context.insertHandler(busy);
            });
            routes(config);
            extraRoutes.accept(config);
        });
    }

    /** Starts listening; a port already in use is one clear line. */
    public HttpServer start(int port) {
        try {
            javalin.start(port);
            summaries.scheduleWithFixedDelay(refusals::flush, 1, 1, TimeUnit.MINUTES);
        } catch (RuntimeException failure) {
            if (causedBy(failure, BindException.class)) {
                throw new StartupFailure("HTTP_PORT " + port + " is already in use: stop what uses it or set "
                        + "HTTP_PORT to a free port", failure);
            }
            throw new StartupFailure("the HTTP server did not start on port " + port + ": " + failure.getMessage(),
                    failure);
        }
        return this;
    }

    /** The routes registered under /api, as "METHOD /path" (for checking their description). */
    public java.util.SortedSet<String> apiRoutes() {
        java.util.SortedSet<String> routes = new java.util.TreeSet<>();
        for (io.javalin.router.ParsedEndpoint parsed : javalin.unsafe.internalRouter.allHttpHandlers()) {
            String method = parsed.endpoint.method.name();
            if (API_METHODS.contains(method) && parsed.endpoint.path.startsWith("/api/")) {
                routes.add(method + " " + parsed.endpoint.path);
            }
        }
        return routes;
    }

    public int port() {
        return javalin.port();
    }

    /** Connections open right now (see {@link RequestLimits#connections()}). */
    int openConnections() {
        return connections.getNetworkConnectionCount();
    }

    /** Requests waiting for a turn right now (see {@link RequestLimits}). */
    int waitingRequests() {
        return busy.getSuspendedRequestCount();
    }

    /**
     * Jetty's threads, bounded. Its job queue is left as Jetty wants it (Jetty warns that a bounded one
     * can lose its own tasks): it holds at most one job per open connection, and the requests those
     * jobs lead to are bounded by {@link BusyRefusal}.
     */
    private static QueuedThreadPool threadPool(RequestLimits limits) {
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()));
        pool.setName("retainbot-http");
        return pool;
    }

    @Override
    public void close() {
        javalin.stop();
        summaries.shutdownNow();
        refusals.flush();
    }

    private void routes(JavalinConfig config) {
        config.routes.before(ctx -> {
            ctx.attribute(STARTED, System.nanoTime());
            securityHeaders.forEach(ctx::header);
        });
        config.routes.after(this::measure);
        config.routes.get("/", ctx -> ctx.redirect("/chat"));
        config.routes.get("/health", this::health);
        config.routes.get("/metrics", this::metrics);

        config.routes.get("/chat", this::chatPage);
        config.routes.get("/chat/assets/chat.js", ctx -> asset(ctx, "web/chat.js", "text/javascript; charset=utf-8"));
        config.routes.get("/chat/assets/chat.css", ctx -> asset(ctx, "web/chat.css", "text/css; charset=utf-8"));
        config.routes.get("/chat/assets/icon.svg", ctx -> asset(ctx, "web/icon.svg", "image/svg+xml"));
        config.routes.get("/chat/embed.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "max-age=300").header("Vary", "Accept-Language")
                .result(webChat.embedScript(ctx.header("Accept-Language"))));
        config.routes.post("/chat/api/session", this::chatSession);
        config.routes.post("/chat/api/events", this::chatEvent);
        config.routes.post("/chat/api/files", this::chatUpload);
        config.routes.get("/chat/api/files/{key}", this::chatFile);
        config.routes.get("/chat/api/messages", this::chatMessages);

        config.routes.before("/api/*", this::requireAdmin);
        config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json")
                .result(json.writeValueAsString(ApiDescription.openApi(json))));
        config.routes.get("/api/complaints", this::complaints);
        config.routes.get("/api/complaints/{reference}", this::complaint);
        config.routes.get("/api/complaints/{reference}/files/{attachment}", this::complaintFile);
        config.routes.get("/api/handover-requests", ctx -> {
            Paging paging = paging(ctx);
            ctx.json(new ApiViews.Page<>(transactor.inTransaction(session ->
                    session.feedback().openHandovers(paging.limit(), paging.offset())).stream()
                    .map(ApiViews.HandoverView::of).toList(), paging.limit(), paging.offset()));
        });
        config.routes.get("/api/handover-requests/{id}", this::handoverRequest);
        config.routes.get("/api/suggestions", ctx -> {
            Paging paging = paging(ctx);
            ctx.json(new ApiViews.Page<>(transactor.inTransaction(session ->
                    session.feedback().suggestions(paging.limit(), paging.offset())).stream()
                    .map(ApiViews.SuggestionView::of).toList(), paging.limit(), paging.offset()));
        });

        config.routes.exception(ClientError.class, (error, ctx) -> problem(ctx, error.status, error.getMessage()));
        config.routes.exception(WebChat.Refusal.class, (error, ctx) -> {
            ctx.header("Content-Language", error.language());
            problem(ctx, error.status(), error.getMessage());
        });
        config.routes.exception(WebEvent.InvalidWebEvent.class, (error, ctx) -> problem(ctx, 400, error.getMessage()));
        config.routes.exception(HttpResponseException.class, (error, ctx) ->
                problem(ctx, error.getStatus(), HttpErrors.message(error.getStatus())));
        config.routes.exception(StoreUnavailableException.class, (error, ctx) -> {
            log.warn("{} {} failed: the database is unavailable", ctx.method(), ctx.path());
            problem(ctx, 503, "the database is unavailable; please try again shortly");
        });
        config.routes.exception(Exception.class, (error, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), error);
            problem(ctx, 500, "something went wrong on our side; it has been logged");
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                problem(ctx, 404, "no such page: " + ctx.path());
            }
        });
        config.routes.error(405, ctx -> problem(ctx, 405, "method " + ctx.method() + " is not allowed on "
                + ctx.path()));
    }

    private void health(Context ctx) {
        boolean up = databaseUp.getAsBoolean();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "database", up ? "up" : "down"));
    }

    private void metrics(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        refuseWhileThrottled(ctx, metricsThrottle, address, "metrics requests", "metrics");
        boolean forwarded = ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null;
        switch (metricsAccess.judge(ctx.header("Authorization"), address, forwarded)) {
            case PERMITTED -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape());
            case WRONG_TOKEN -> {
                metricsThrottle.failed(address);
                refusals.refused("metrics requests with a missing or wrong metrics token");
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ClientError(401, "missing or wrong metrics token: send Authorization: Bearer <METRICS_TOKEN>");
            }
            case NOT_LOCAL -> {
                refusals.refused("metrics requests from other machines while METRICS_TOKEN is unset");
                throw new ClientError(403, "metrics are served only to this machine while METRICS_TOKEN is unset: "
                        + "set METRICS_TOKEN and send it as Authorization: Bearer <METRICS_TOKEN>");
            }
        }
    }

    private void chatPage(Context ctx) {
        String chatId = chatOf(ctx).orElse(null);
        boolean embedded = "1".equals(ctx.queryParam("embed"));
        ctx.header("Cache-Control", "no-store").html(webChat.page(chatId, ctx.header("Accept-Language"), embedded));
    }

    /**
     * Opens the visitor's session, or confirms the one their cookie names. Only the server makes
     * session ids: a cookie it never issued gets a fresh session, never the one it names.
     *
     * <p>The cookie is {@code HttpOnly} and {@code SameSite=Lax}, {@code Secure} when the request came over
     * https (directly or through a proxy that says so in {@code X-Forwarded-Proto}). A Lax cookie is not
     * sent to a frame on another site, so the embedded chat ({@code ?embed=1}) gets its own cookie,
     * {@code SameSite=None; Secure; Partitioned}: sent only to frames under the site that embeds it. Browsers
     * accept Secure cookies only over https (and on localhost), so embedding needs https.
     */
    private void chatSession(Context ctx) {
        String chosen = chosenLanguage(ctx);
        String acceptLanguage = ctx.header("Accept-Language");
        Optional<String> open = chatOf(ctx);
        if (open.isPresent()) {
            if (!chosen.isEmpty()) {
                webChat.chooseLanguage(open.get(), chosen);
            }
            ctx.status(200).json(Map.of("session", "open", "language",
                    webChat.textsFor(open.get(), acceptLanguage).language()));
            return;
        }
        WebChat.Session session = webChat.openSession(clientAddress(ctx), acceptLanguage, chosen);
        boolean https = https(ctx);
        boolean embedded = "1".equals(ctx.queryParam("embed")) && (https || localhost(ctx));
        String attributes = "; Path=/chat; Max-Age=" + Duration.ofDays(COOKIE_DAYS).toSeconds() + "; HttpOnly";
        String cookie = embedded
                ? EMBED_COOKIE + "=" + session.secret() + attributes + "; Secure; SameSite=None; Partitioned"
                : SESSION_COOKIE + "=" + session.secret() + attributes + "; SameSite=Lax" + (https ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", cookie);
        log.info("web chat {} opened", session.chatId());
        ctx.status(201).json(Map.of("session", "new", "language",
                webChat.textsFor(session.chatId(), acceptLanguage).language()));
    }

    /**
     * The language a session request asks for, {@code {"language": "ko"}} (a tag such as "ko-KR" too), as a
     * catalog code; empty for a request without a body or without a language.
     */
    private String chosenLanguage(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return "";
        }
        String expected = "the body may name the chat's language, {\"language\": \"ko\"}: one of "
                + String.join(", ", webChat.languages());
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException malformed) {
            throw new ClientError(400, expected);
        }
        if (request == null || !request.isObject()) {
            throw new ClientError(400, expected);
        }
        JsonNode language = request.get("language");
        if (language == null || language.isNull()) {
            return "";
        }
        if (!language.isTextual() || language.asText().length() > 35) {
            throw new ClientError(400, expected);
        }
        return webChat.languageOf(language.asText()).orElseThrow(() -> new ClientError(400, expected));
    }

    private void chatEvent(Context ctx) {
        String chatId = session(ctx);
        requireJson(ctx);
        WebEvent event;
        try {
            event = json.readValue(ctx.bodyAsBytes(), WebEvent.class);
        } catch (WebEvent.InvalidWebEvent invalid) {
            throw invalid;
        } catch (IOException malformed) {
            if (malformed.getCause() instanceof WebEvent.InvalidWebEvent invalid) {
                throw invalid;
            }
            throw new ClientError(400, "the body must be a JSON chat event {id, type, text, data, messageId, language}");
        }
        if (event == null) {
            throw new ClientError(400, "the body must be a JSON chat event {id, type, text, data, messageId, language}, "
                    + "not null");
        }
        EventSink.Receipt receipt = webChat.submit(chatId, event, ctx.header("Accept-Language"));
        ctx.status(202).json(Map.of("receipt", receipt.name().toLowerCase(Locale.ROOT)));
    }

    /** A file as the request body (what the browser's File is), its name and caption in the query. */
    private void chatUpload(Context ctx) {
        String chatId = session(ctx);
        long declared = ctx.req().getContentLengthLong();
        if (declared > WebChat.MAX_FILE_BYTES) {
            throw webChat.fileTooLarge(chatId, ctx.header("Accept-Language"));
        }
        byte[] content;
        try (InputStream body = ctx.req().getInputStream()) {
            content = body.readNBytes(WebChat.MAX_FILE_BYTES + 1);
        } catch (IOException broken) {
            throw new ClientError(400, "the upload broke off before it was complete");
        }
        WebChat.Upload upload = new WebChat.Upload(ctx.queryParam("id"), ctx.queryParam("name"),
                ctx.queryParam("caption"), ctx.queryParam("language"), content);
        EventSink.Receipt receipt = webChat.upload(chatId, upload, ctx.header("Accept-Language"));
        ctx.status(202).json(Map.of("receipt", receipt.name().toLowerCase(Locale.ROOT)));
    }

    private void chatFile(Context ctx) {
        String chatId = session(ctx);
        FileStore.StoredFile file = webChat.ownFile(chatId, ctx.pathParam("key"))
                .orElseThrow(() -> new ClientError(404, "no such file in this chat"));
        sendFile(ctx, file, "inline");
    }

    private void chatMessages(Context ctx) {
        String chatId = session(ctx);
        long after = longParam(ctx, "after", 0);
        ctx.header("Cache-Control", "no-store").json(webChat.transcript(chatId, after, ctx.header("Accept-Language")));
    }

    private Optional<String> chatOf(Context ctx) {
        return webChat.chatOf(ctx.cookie(SESSION_COOKIE)).or(() -> webChat.chatOf(ctx.cookie(EMBED_COOKIE)));
    }

    private String session(Context ctx) {
        return chatOf(ctx).orElseThrow(() -> new ClientError(401, "no chat session: open /chat first"));
    }

    private static void requireJson(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ClientError(415, "send the chat event as Content-Type: application/json");
        }
    }

    private static boolean https(Context ctx) {
        String forwarded = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse("");
        return ctx.scheme().equals("https") || forwarded.split(",")[0].strip().equalsIgnoreCase("https");
    }

    private static boolean localhost(Context ctx) {
        String host = ctx.req().getServerName();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /** Who is asking, for per-address limits: the connection's address, or what a trusted proxy says it is. */
    private String clientAddress(Context ctx) {
        String direct = ctx.req().getRemoteAddr();
        if (!web.trustProxy()) {
            return direct;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return direct;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    /** 429 with Retry-After while {@code address} must wait after too many wrong {@code token} tokens. */
    private void refuseWhileThrottled(Context ctx, LoginThrottle tokenThrottle, String address, String requests,
                                      String token) {
        Optional<Duration> wait = tokenThrottle.waitBefore(address);
        if (wait.isPresent()) {
            refusals.refused(requests + " from addresses that sent too many wrong " + token + " tokens");
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ClientError(429, "too many wrong " + token + " tokens from your address: try again in " + seconds
                    + " s");
        }
    }

    private void requireAdmin(Context ctx) {
        String address = ctx.ip();
        refuseWhileThrottled(ctx, throttle, address, "API calls", "admin");
        if (!admin.permits(ctx.header("Authorization"))) {
            throttle.failed(address);
            refusals.refused("API calls with a missing or wrong admin token");
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ClientError(401, "missing or wrong admin token: send Authorization: Bearer <ADMIN_TOKEN>");
        }
        throttle.succeeded(address);
    }

    private void complaints(Context ctx) {
        Optional<ComplaintStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(HttpServer::status);
        Paging paging = paging(ctx);
        List<ApiViews.ComplaintView> items = transactor.inTransaction(session ->
                session.complaints().list(status, paging.limit(), paging.offset())).stream()
                .map(ApiViews.ComplaintView::of).toList();
        ctx.json(new ApiViews.Page<>(items, paging.limit(), paging.offset()));
    }

    private void complaint(Context ctx) {
        ComplaintRef ref = reference(ctx);
        ApiViews.ComplaintDetails details = transactor.inTransaction(session -> {
            Optional<Complaint> found = session.complaints().find(ref);
            if (found.isEmpty()) {
                return null;
            }
            Complaint complaint = found.get();
            return new ApiViews.ComplaintDetails(ApiViews.ComplaintView.of(complaint),
                    session.complaints().attachments(complaint.id()).stream()
                            .map(attachment -> ApiViews.AttachmentView.of(complaint, attachment)).toList(),
                    session.complaints().notes(complaint.id()).stream()
                            .map(note -> ApiViews.NoteView.of(note, staffId -> session.staff().find(staffId)
                                    .map(StaffMember::name).orElse("#" + staffId))).toList(),
                    session.interactions().ofComplaint(ref.number(), 500).stream()
                            .map(ApiViews.MessageView::of).toList());
        });
        if (details == null) {
            throw new ClientError(404, "no complaint " + ref);
        }
        ctx.json(details);
    }

    private void handoverRequest(Context ctx) {
        long id = pathNumber(ctx, "id");
        ApiViews.HandoverTalkView talk = transactor.inTransaction(session -> session.feedback().findHandover(id)
                .map(request -> new ApiViews.HandoverTalkView(ApiViews.HandoverView.of(request),
                        session.customers().find(request.customerId()).map(customer -> customer.profile().displayName())
                                .orElse(""),
                        Optional.ofNullable(request.takenByStaffId()).flatMap(staff -> session.staff().find(staff))
                                .map(io.retainbot.core.staff.StaffMember::name).orElse(null),
                        HandoverCare.exchange(session, request, clock.instant()).stream()
                                .map(line -> ApiViews.TalkLineView.of(line, staffId -> session.staff().find(staffId)
                                        .map(StaffMember::name).orElse("#" + staffId)))
                                .toList()))
                .orElse(null));
        if (talk == null) {
            throw new ClientError(404, "no handover request " + id);
        }
        ctx.json(talk);
    }

    private void complaintFile(Context ctx) {
        ComplaintRef ref = reference(ctx);
        long attachmentId = pathNumber(ctx, "attachment");
        ComplaintAttachment attachment = transactor.inTransaction(session -> session.complaints().find(ref)
                .flatMap(complaint -> session.complaints().attachments(complaint.id()).stream()
                        .filter(candidate -> candidate.id() == attachmentId).findFirst()))
                .orElseThrow(() -> new ClientError(404, "complaint " + ref + " has no file " + attachmentId));
        FileStore.StoredFile file = webChat.attachedFile(attachment.file().platformFileId())
                .orElseThrow(() -> new ClientError(404, "file " + attachmentId + " of " + ref + " is kept by "
                        + attachment.file().platformFileId().split(":")[0] + ", not by RetainBot; open it there"));
        sendFile(ctx, file, "attachment");
    }

    private static void sendFile(Context ctx, FileStore.StoredFile file, String disposition) {
        String name = file.fileName().isBlank() ? "file" : file.fileName();
        ctx.contentType(file.mediaType())
                .header("Content-Disposition", disposition + "; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=3600")
                .result(file.content());
    }

    static ComplaintRef reference(Context ctx) {
        String text = ctx.pathParam("reference");
        try {
            return ComplaintRef.parse(text)
                    .orElseThrow(() -> new ClientError(400, "a complaint reference looks like C-1042, not " + quoted(text)));
        } catch (IllegalArgumentException zero) {
            throw new ClientError(400, "complaint numbers start at 1: " + quoted(text) + " names no complaint");
        }
    }

    private static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown.replaceAll("[\\p{Cntrl}\"\\\\]", "?") + "\"";
    }

    private static long pathNumber(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException notANumber) {
            throw new ClientError(400, name + " must be a whole number");
        }
    }

    private static ComplaintStatus status(String code) {
        try {
            return ComplaintStatus.fromCode(code.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ClientError(400, "status must be one of open, in_progress, resolved, referred, withdrawn");
        }
    }

    private record Paging(int limit, int offset) {
    }

    private static Paging paging(Context ctx) {
        long limit = longParam(ctx, "limit", 100);
        long offset = longParam(ctx, "offset", 0);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ClientError(400, "limit must be 1 to " + MAX_PAGE);
        }
        if (offset > Integer.MAX_VALUE) {
            throw new ClientError(400, "offset is too large");
        }
        return new Paging((int) limit, (int) offset);
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new ClientError(400, name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw new ClientError(400, name + " must be a whole number");
        }
    }

    private void problem(Context ctx, int status, String message) {
        ctx.status(status).json(new ApiViews.Problem(message));
    }

    private void measure(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        String method = ctx.method().name();
        Timer.builder("http.server.requests")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", route)
                .tag("status", String.valueOf(ctx.status().getCode()))
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private static void asset(Context ctx, String resource, String contentType) {
        try (InputStream in = HttpServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClientError(404, "no such asset");
            }
            // the page names each asset with a fingerprint of its content (?v=...), so a long cache is safe
            ctx.contentType(contentType).header("Cache-Control", "public, max-age=86400").result(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    /** A request the client got wrong, answered with its status and message. */
    static final class ClientError extends RuntimeException {
        private final int status;

        ClientError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
