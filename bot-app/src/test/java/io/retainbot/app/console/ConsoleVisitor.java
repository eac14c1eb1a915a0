package io.retainbot.app.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a screen for the console over real HTTP: keeps its cookies, reads a page's CSRF token, posts forms. */
final class ConsoleVisitor {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    ConsoleVisitor(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as the page at {@code path} would: with the CSRF token that page carries. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrfOf(get(pagePath).body()));
        return post(action, withToken);
    }

    /** Posts a form exactly as given (a forged one carries no token or a wrong one). */
    HttpResponse<String> post(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts the page's form with a file of {@code size} bytes of {@code line} repeated, as a browser streams a
     * file: multipart, chunked, no declared size. A server that refuses it part-way may close the connection
     * before all was sent: its answer is still returned.
     */
    HttpResponse<String> submitStreamedFile(String pagePath, String action, String field, long size, String line) {
        String boundary = "----retainbot-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + csrfOf(get(pagePath).body()) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field + "\"; filename=\"customers.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] unit = line.getBytes(StandardCharsets.UTF_8);
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(java.util.List.of(new java.io.ByteArrayInputStream(head),
                        new RepeatedStream(unit, size), new java.io.ByteArrayInputStream(tail))));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    /** {@code size} bytes of a unit repeated, made as they are read. */
    private static final class RepeatedStream extends java.io.InputStream {
        private final byte[] unit;
        private long left;
        private int at;

        RepeatedStream(byte[] unit, long size) {
            this.unit = unit;
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            byte next = unit[at];
            at = (at + 1) % unit.length;
            return next & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, left);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = unit[at];
                at = (at + 1) % unit.length;
            }
            left -= count;
            return count;
        }
    }

    /** Signs in through the sign-in form; fails unless it worked. */
    ConsoleVisitor signIn(String login, String password) {
        HttpResponse<String> response = submit("/console/sign-in", "/console/sign-in",
                Map.of("login", login, "password", password));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in as " + login + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return this;
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("the page has no form with a CSRF token:\n" + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
