package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void reportsServiceUnavailableWhileTheDatabaseIsDown() {
        AtomicBoolean databaseUp = new AtomicBoolean(true);
        Transactor transactor = db.database().transactor();
        EventSink refusing = event -> {
            throw new IllegalStateException("not used");
        };
        WebChat webChat = new WebChat(refusing, db.database().webChat(), db.database().files(), Messages.builtIn(),
                BusinessConfig.defaults(), Clock.systemUTC(), new SecureRandom(),
                new RateLimiter(20, Duration.ofMinutes(1), Clock.systemUTC()),
                new RateLimiter(10, Duration.ofMinutes(1), Clock.systemUTC()));
        AdminAccess admin = AdminAccess.establish(Optional.of(AppTesting.ADMIN_TOKEN), transactor, new SecureRandom(),
                token -> { });
        try (HttpServer server = new HttpServer(transactor, databaseUp::get,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), admin, webChat, WebChatSettings.defaults(),
                routes -> { })
                .start(AppTesting.freePort())) {
            WebVisitor visitor = new WebVisitor(server.port());

            HttpResponse<String> up = visitor.get("/health");
            databaseUp.set(false);
            HttpResponse<String> down = visitor.get("/health");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"database\":\"down\"");
        }
    }
}
