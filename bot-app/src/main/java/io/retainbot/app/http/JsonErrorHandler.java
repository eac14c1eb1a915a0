package io.retainbot.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches our routes (a URI or headers too long, a
 * request it cannot parse): JSON with a message like every other error, never Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final SecurityHeaders headers;

    JsonErrorHandler(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        headers.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
        headers.forEach(fields::put);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        return ("{\"error\":\"" + HttpErrors.message(status) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
