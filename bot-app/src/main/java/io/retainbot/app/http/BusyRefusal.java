package io.retainbot.app.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Keeps the server within its {@link RequestLimits}: Jetty's {@link QoSHandler} lets the allowed
 * number of requests through, parks the waiting ones without a thread, and answers the rest at once
 * with 503 (JSON, by the server's error handler) and {@code Retry-After: 1}. Each refusal is counted
 * in the summarized refusal log.
 */
final class BusyRefusal extends QoSHandler {
    static final String REFUSED = "requests while the server was busy (503)";

    private final RefusalLog refusals;

    BusyRefusal(RequestLimits limits, RefusalLog refusals) {
        this.refusals = refusals;
        setMaxRequestCount(limits.concurrent());
        setMaxSuspendedRequestCount(limits.waiting());
        setMaxSuspend(limits.maxWait());
        setRejectStatusCode(503);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        refusals.refused(REFUSED);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        super.reject(request, response, callback, status);
    }

    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        refusals.refused(REFUSED);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        super.expireSuspended(request, response, callback);
    }
}
