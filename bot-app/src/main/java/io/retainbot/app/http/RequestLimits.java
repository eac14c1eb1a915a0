package io.retainbot.app.http;

import java.time.Duration;

/**
 * The bound on the HTTP server's work. At most {@code concurrent} requests are handled at once; up to
 * {@code waiting} more wait for a turn (holding no thread) for at most {@code maxWait}. A request
 * beyond that, or one that waited too long, is answered at once with {@code 503} and a JSON message,
 * and counted in the summarized refusal log rather than logged one by one. Jetty's thread pool is
 * bounded too, and so are open connections: at {@code connections} the server stops accepting new ones
 * (they wait in the system's backlog) until one closes, so idle or slow clients cannot use up its
 * memory and file handles.
 *
 * @param concurrent  requests handled at the same time
 * @param waiting     requests that may wait for a turn
 * @param maxWait     how long a request may wait for its turn
 * @param connections connections open at the same time
 */
public record RequestLimits(int concurrent, int waiting, Duration maxWait, int connections) {
    public static final int DEFAULT_CONNECTIONS = 2048;
    public static final RequestLimits DEFAULT = new RequestLimits(64, 512, Duration.ofSeconds(2));

    public RequestLimits {
        if (concurrent < 1 || waiting < 0) {
            throw new IllegalArgumentException("at least one request at a time, and no negative number waiting");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("at least one open connection");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the longest wait for a turn must be positive");
        }
    }

    public RequestLimits(int concurrent, int waiting, Duration maxWait) {
        this(concurrent, waiting, maxWait, DEFAULT_CONNECTIONS);
    }

    /** Jetty's threads: the requests handled at once plus those that accept and read connections. */
    int threads() {
        return concurrent + 16;
    }
}
