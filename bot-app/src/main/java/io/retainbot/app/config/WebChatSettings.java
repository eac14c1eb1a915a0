package io.retainbot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the web chat may be reached.
 *
 * @param allowedOrigins sites that may show the chat in a frame (the embedded chat bubble), as
 *                       {@code https://shop.example.com}; empty: only RetainBot's own pages
 * @param trustProxy     RetainBot runs behind a reverse proxy: the client address for per-address
 *                       limits is the last one the proxy added to {@code X-Forwarded-For}
 * @param messagesPerMinute what one chat session may send in a minute (messages, presses, files)
 * @param sessionsPerMinute new chat sessions one client address may open in a minute
 */
public record WebChatSettings(List<String> allowedOrigins, boolean trustProxy, int messagesPerMinute,
                              int sessionsPerMinute) {
    public static final int DEFAULT_MESSAGES_PER_MINUTE = 20;
    public static final int DEFAULT_SESSIONS_PER_MINUTE = 10;

    public WebChatSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static WebChatSettings defaults() {
        return new WebChatSettings(List.of(), false, DEFAULT_MESSAGES_PER_MINUTE, DEFAULT_SESSIONS_PER_MINUTE);
    }

    static WebChatSettings fromEnvironment(Map<String, String> env) {
        List<String> origins = new ArrayList<>();
        String listed = Optional.ofNullable(env.get("WEB_CHAT_ALLOWED_ORIGINS")).orElse("");
        for (String origin : listed.split(",")) {
            if (!origin.isBlank()) {
                origins.add(origin(origin.strip()));
            }
        }
        String trust = Optional.ofNullable(env.get("HTTP_TRUST_PROXY")).map(String::strip).orElse("false")
                .toLowerCase(Locale.ROOT);
        if (!trust.equals("true") && !trust.equals("false")) {
            throw new ConfigException("HTTP_TRUST_PROXY must be true or false, was \"" + trust + "\"");
        }
        return new WebChatSettings(origins, trust.equals("true"),
                perMinute(env, "WEB_CHAT_MESSAGES_PER_MINUTE", DEFAULT_MESSAGES_PER_MINUTE),
                perMinute(env, "WEB_CHAT_SESSIONS_PER_MINUTE", DEFAULT_SESSIONS_PER_MINUTE));
    }

    private static int perMinute(Map<String, String> env, String name, int fallback) {
        String value = Optional.ofNullable(env.get(name)).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100_000) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number from 1 to 100000, was \"" + value + "\"");
    }

    private static String origin(String value) {
        String problem = "WEB_CHAT_ALLOWED_ORIGINS must list origins such as https://shop.example.com separated by "
                + "commas (scheme and host, optionally a port, no path), was \"" + value + "\"";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
                throw new ConfigException(problem);
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException malformed) {
            throw new ConfigException(problem);
        }
    }
}
