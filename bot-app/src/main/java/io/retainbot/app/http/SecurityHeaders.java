package io.retainbot.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries: a Content-Security-Policy that lets our pages load only our own
 * scripts, styles and images, and lets them be framed only by RetainBot itself and the allowed
 * origins (the sites that embed the chat bubble); no MIME sniffing; no referrer beyond the origin.
 */
final class SecurityHeaders {
    private final Map<String, String> headers = new LinkedHashMap<>();

    SecurityHeaders(List<String> allowedOrigins) {
        String ancestors = String.join(" ", concat("'self'", allowedOrigins));
        headers.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (allowedOrigins.isEmpty()) {
            headers.put("X-Frame-Options", "SAMEORIGIN");
        }
    }

    void forEach(BiConsumer<String, String> put) {
        headers.forEach(put);
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
