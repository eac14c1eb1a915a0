package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.AppTesting;
import io.retainbot.console.access.LoginThrottle;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What strangers can do to the HTTP server: invent methods and paths, guess the admin token, forge calls. */
class HostileTrafficIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();
    private BareServer server;

    @BeforeEach
    void startServer() {
        server = BareServer.start(db, clock);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void keepsMetricsToAClosedSetOfTagsWhateverMethodsAndPathsAreInvented() throws Exception {
        for (int i = 0; i < 300; i++) {
            send(HttpRequest.newBuilder(uri("/no-such-page-" + i)).method("INVENTED" + i,
                    HttpRequest.BodyPublishers.noBody()));
            send(HttpRequest.newBuilder(uri("/random/" + i)).GET());
        }

        String metrics = send(HttpRequest.newBuilder(uri("/metrics")).GET()).body();

        assertThat(tagValues(metrics, "method")).isSubsetOf("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
                "OTHER");
        assertThat(tagValues(metrics, "route")).doesNotContain("/no-such-page-1", "/random/1").contains("unmatched")
                .hasSizeLessThan(20);
    }

    @Test
    void slowsAndThenRefusesAnAddressThatGuessesAdminTokens() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            assertThat(admin("wrong-token-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = admin("wrong-token-again");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).contains("1");
        assertThat(slowed.body()).contains("\"error\"", "too many wrong admin tokens");
        assertThat(admin(AppTesting.ADMIN_TOKEN).statusCode()).as("even the right token waits").isEqualTo(429);

        for (int i = LoginThrottle.FREE_TRIES; i < LoginThrottle.LOCK_AFTER; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(admin("wrong-token-" + i).statusCode()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(admin(AppTesting.ADMIN_TOKEN).statusCode()).isEqualTo(429);

        clock.advance(LoginThrottle.LOCKOUT);
        assertThat(admin(AppTesting.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void summarizesRefusedRequestsInsteadOfLoggingEachOne() throws Exception {
        for (int i = 0; i < 200; i++) {
            admin("wrong-token-" + i);
        }
        clock.advance(Duration.ofMinutes(1));
        server.close();

        assertThat(server.logLines()).hasSizeLessThanOrEqualTo(3);
        assertThat(String.join("\n", server.logLines())).contains("more API calls");
    }

    private HttpResponse<String> admin(String token) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/complaints")).header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static Set<String> tagValues(String metrics, String tag) {
        Set<String> values = new TreeSet<>();
        Matcher matcher = Pattern.compile("http_server_requests_seconds_count\\{[^}]*" + tag + "=\"([^\"]*)\"")
                .matcher(metrics);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
