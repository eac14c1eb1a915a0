package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP server's bound: past the requests it handles at once and those allowed to wait, a request
 * is answered at once with 503 and a JSON message, and the refusals are logged summarized.
 */
class RequestLimitsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private BareServer server;

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersARequestBeyondTheBoundAtOnceWith503AndJsonAndServesAgainWhenFree() throws Exception {
        start(new RequestLimits(1, 0, Duration.ofMinutes(1)));
        CompletableFuture<HttpResponse<String>> slow = occupyTheOnlyTurn();

        HttpResponse<String> refused = get("/health");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.body()).contains("\"error\"", "unavailable");

        release.countDown();
        assertThat(slow.get(1, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        // the turn is handed back just after the slow answer went out: wait for it rather than race it
        Await.until(() -> healthAnswers(200));
    }

    private boolean healthAnswers(int status) {
        try {
            return get("/health").statusCode() == status;
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Test
    void letsARequestWaitForATurnWithinTheBoundAndRefusesTheNextOne() throws Exception {
        start(new RequestLimits(1, 1, Duration.ofMinutes(1)));
        CompletableFuture<HttpResponse<String>> slow = occupyTheOnlyTurn();
        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(request("/health"),
                HttpResponse.BodyHandlers.ofString());
        Await.until(() -> server.server().waitingRequests() == 1);

        assertThat(get("/health").statusCode()).as("no room left to wait").isEqualTo(503);

        release.countDown();
        assertThat(slow.get(1, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        assertThat(waiting.get(1, TimeUnit.MINUTES).statusCode()).as("served once its turn came").isEqualTo(200);
    }

    @Test
    void acceptsNoConnectionBeyondTheBoundUntilOneCloses() throws Exception {
        start(new RequestLimits(4, 0, Duration.ofMinutes(1), 2));
        try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
            Await.until(() -> server.server().openConnections() == 2);
            third.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            third.setSoTimeout(1_000);
            assertThatThrownBy(() -> third.getInputStream().read()).as("not served while both slots are taken")
                    .isInstanceOf(SocketTimeoutException.class);

            first.close();

            third.setSoTimeout(60_000);
            String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.port());
    }

    @Test
    void summarizesRefusalsWhenBusyInsteadOfLoggingEachOne() throws Exception {
        start(new RequestLimits(1, 0, Duration.ofMinutes(1)));
        occupyTheOnlyTurn();
        for (int i = 0; i < 50; i++) {
            assertThat(get("/health").statusCode()).isEqualTo(503);
        }
        clock.advance(Duration.ofMinutes(1));
        release.countDown();
        server.close();
        List<String> logLines = server.logLines();
        server = null;

        assertThat(logLines).hasSize(2);
        assertThat(logLines.get(0)).contains("refused " + BusyRefusal.REFUSED);
        assertThat(logLines.get(1)).contains("refused 49 more " + BusyRefusal.REFUSED);
    }

    private void start(RequestLimits limits) {
        server = BareServer.start(db, clock, limits, routes -> routes.routes.get("/slow", ctx -> {
            entered.countDown();
            if (!release.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the slow request");
            }
            ctx.result("done");
        }));
    }

    /** A request that holds the server's only turn until the test releases it. */
    private CompletableFuture<HttpResponse<String>> occupyTheOnlyTurn() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(request("/slow"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(1, TimeUnit.MINUTES)).as("the slow request reached its route").isTrue();
        return slow;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build();
    }
}
