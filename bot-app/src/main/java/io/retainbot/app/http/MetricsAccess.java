package io.retainbot.app.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may read {@code /metrics} (customer counts, complaint figures, send rates): with
 * {@code METRICS_TOKEN} set, whoever sends it as a bearer token; without it, only a client on this
 * machine that connects directly, not through a proxy (a request carrying {@code X-Forwarded-For} or
 * {@code Forwarded} came from elsewhere). So the default run answers {@code curl localhost:8080/metrics}
 * and nobody else, and a Prometheus on another machine or container needs the token.
 */
public final class MetricsAccess {
    private final Optional<BearerToken> token;

    private MetricsAccess(Optional<BearerToken> token) {
        this.token = token;
    }

    /** @param token the token from the environment, if any */
    public static MetricsAccess of(Optional<String> token) {
        return new MetricsAccess(token.map(BearerToken::of));
    }

    /** What a request may do, from its {@code Authorization} header, peer address and proxy headers. */
    Verdict judge(String authorization, String remoteAddress, boolean forwarded) {
        if (token.isPresent()) {
            return token.get().matches(authorization) ? Verdict.PERMITTED : Verdict.WRONG_TOKEN;
        }
        return !forwarded && loopback(remoteAddress) ? Verdict.PERMITTED : Verdict.NOT_LOCAL;
    }

    enum Verdict { PERMITTED, WRONG_TOKEN, NOT_LOCAL }

    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // a literal address from the connection: no name lookup happens
            return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .isLoopbackAddress();
        } catch (UnknownHostException | StringIndexOutOfBoundsException unusable) {
            return false;
        }
    }
}
