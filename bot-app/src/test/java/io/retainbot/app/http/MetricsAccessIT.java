package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who reads {@code /metrics}: this machine only while METRICS_TOKEN is unset, the token's holders once set;
 * {@code /health} stays open to all. "Another machine" is this machine's own network address, which the
 * server sees as a non-loopback peer.
 */
class MetricsAccessIT {
    private static final String TOKEN = "scrape-token-0123456789";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void servesMetricsToThisMachineWhileNoTokenIsSet() {
        try (BareServer server = BareServer.withMetricsToken(db, Clock.systemUTC(), Optional.empty())) {
            WebVisitor visitor = new WebVisitor(server.port());
            visitor.get("/health");

            HttpResponse<String> metrics = visitor.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\"");
        }
    }

    @Test
    void refusesMetricsToAnotherMachineWhileNoTokenIsSetButKeepsHealthOpen() {
        String outside = outsideAddress();
        try (BareServer server = BareServer.withMetricsToken(db, Clock.systemUTC(), Optional.empty())) {
            HttpResponse<String> metrics = get(outside, server.port(), "/metrics", null);
            HttpResponse<String> health = get(outside, server.port(), "/health", null);

            assertThat(metrics.statusCode()).isEqualTo(403);
            assertThat(metrics.body()).isEqualTo("{\"error\":\"metrics are served only to this machine while "
                    + "METRICS_TOKEN is unset: set METRICS_TOKEN and send it as Authorization: Bearer <METRICS_TOKEN>\"}");
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesMetricsRelayedByAProxyOnThisMachineWhileNoTokenIsSet() {
        try (BareServer server = BareServer.withMetricsToken(db, Clock.systemUTC(), Optional.empty())) {
            WebVisitor visitor = new WebVisitor(server.port());

            HttpResponse<String> forwardedFor = visitor.get("/metrics", "X-Forwarded-For", "203.0.113.9");
            HttpResponse<String> forwarded = visitor.get("/metrics", "Forwarded", "for=203.0.113.9");

            assertThat(forwardedFor.statusCode()).isEqualTo(403);
            assertThat(forwarded.statusCode()).isEqualTo(403);
            assertThat(server.logLines()).anySatisfy(line ->
                    assertThat(line).contains("metrics requests from other machines while METRICS_TOKEN is unset"));
        }
    }

    @Test
    void asksEveryoneForTheTokenOnceItIsSet() {
        String outside = outsideAddress();
        try (BareServer server = BareServer.withMetricsToken(db, Clock.systemUTC(), Optional.of(TOKEN))) {
            WebVisitor local = new WebVisitor(server.port());
            local.get("/health");

            HttpResponse<String> localWithout = local.get("/metrics");
            HttpResponse<String> wrong = get(outside, server.port(), "/metrics", "Bearer not-the-token-at-all");
            HttpResponse<String> right = get(outside, server.port(), "/metrics", "Bearer " + TOKEN);
            HttpResponse<String> localRight = local.get("/metrics", "Authorization", "Bearer " + TOKEN);

            assertThat(localWithout.statusCode()).isEqualTo(401);
            assertThat(localWithout.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(localWithout.body()).contains("send Authorization: Bearer <METRICS_TOKEN>");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\"");
            assertThat(localRight.statusCode()).isEqualTo(200);
        }
    }

    /** An address of this machine that is not loopback: a request to it arrives from a non-loopback peer. */
    private static String outsideAddress() {
        try {
            Optional<String> found = NetworkInterface.networkInterfaces().filter(MetricsAccessIT::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress).findFirst();
            assumeThat(found).as("a network address other than loopback on this machine").isPresent();
            return found.get();
        } catch (SocketException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException unreadable) {
            return false;
        }
    }

    private static HttpResponse<String> get(String host, int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
