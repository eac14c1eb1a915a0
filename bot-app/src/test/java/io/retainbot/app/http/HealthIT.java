package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void reportsServiceUnavailableWhileTheDatabaseIsDown() {
        AtomicBoolean databaseUp = new AtomicBoolean(true);
        try (BareServer server = BareServer.start(db, Clock.systemUTC(), databaseUp::get)) {
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
