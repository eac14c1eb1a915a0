package io.retainbot.app.http;

import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.retainbot.app.AppTesting;
import io.retainbot.app.config.WebChatSettings;
import io.retainbot.app.web.RateLimiter;
import io.retainbot.app.web.WebChat;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The HTTP server alone over a test database, without the engine behind the web chat, on a port the
 * operating system picks: for tests of what the server itself does (health, limits, refusals). Keeps
 * the lines its refusal log writes.
 */
final class BareServer implements AutoCloseable {
    private final List<String> logLines = new ArrayList<>();
    private final HttpServer server;

    private BareServer(TestDatabase db, Clock clock, BooleanSupplier databaseUp, RequestLimits limits,
                       Consumer<JavalinConfig> extraRoutes, MetricsAccess metricsAccess) {
        Transactor transactor = db.database().transactor();
        EventSink refusing = event -> {
            throw new IllegalStateException("not used");
        };
        WebChat webChat = new WebChat(refusing, db.database().webChat(), db.database().files(), Messages.builtIn(),
                BusinessConfig.defaults(), clock, new SecureRandom(), new RateLimiter(20, Duration.ofMinutes(1), clock),
                new RateLimiter(10, Duration.ofMinutes(1), clock));
        AdminAccess admin = AdminAccess.establish(Optional.of(AppTesting.ADMIN_TOKEN), transactor, new SecureRandom(),
                token -> { });
        RefusalLog refusals = new RefusalLog(clock, line -> {
            synchronized (logLines) {
                logLines.add(line);
            }
        });
        server = new HttpServer(transactor, databaseUp, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), admin,
                metricsAccess, webChat, WebChatSettings.defaults(), extraRoutes, refusals, clock, limits).start(0);
    }

    /** A server with the default limits and the database always up. */
    static BareServer start(TestDatabase db, Clock clock) {
        return new BareServer(db, clock, () -> true, RequestLimits.DEFAULT, routes -> { },
                MetricsAccess.of(Optional.empty()));
    }

    /** A server that reports the database up while {@code databaseUp} says so. */
    static BareServer start(TestDatabase db, Clock clock, BooleanSupplier databaseUp) {
        return new BareServer(db, clock, databaseUp, RequestLimits.DEFAULT, routes -> { },
                MetricsAccess.of(Optional.empty()));
    }

    /** A server with {@code limits} and more routes of the test's own. */
    static BareServer start(TestDatabase db, Clock clock, RequestLimits limits, Consumer<JavalinConfig> extraRoutes) {
        return new BareServer(db, clock, () -> true, limits, extraRoutes, MetricsAccess.of(Optional.empty()));
    }

    /** A server whose {@code /metrics} asks for {@code metricsToken} (none: this machine only). */
    static BareServer withMetricsToken(TestDatabase db, Clock clock, Optional<String> metricsToken) {
        return new BareServer(db, clock, () -> true, RequestLimits.DEFAULT, routes -> { },
                MetricsAccess.of(metricsToken));
    }

    HttpServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    /** What the refusal log wrote so far. */
    List<String> logLines() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
