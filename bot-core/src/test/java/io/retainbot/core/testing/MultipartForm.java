package io.retainbot.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body as the platform fakes read it (Telegram's sendPhoto, Discord's messages
 * with files): its parts with their names, file names and bytes.
 */
public final class MultipartForm {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[^e]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One part: a field ({@code fileName} empty) or a file. */
    public record Part(String name, String fileName, byte[] content) {
        public boolean isFile() {
            return !fileName.isEmpty();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The form in {@code body}, or empty when {@code contentType} is not multipart/form-data. */
    public static Optional<MultipartForm> read(String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new IllegalArgumentException("a multipart body without a boundary: " + contentType);
        }
        String all = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String part : all.split(Pattern.quote("--" + boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                continue;
            }
            Matcher file = FILE_NAME.matcher(headers);
            String content = part.substring(headersEnd + 4, Math.max(headersEnd + 4, part.length() - 2));
            parts.add(new Part(name.group(1), file.find() ? file.group(1) : "",
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return Optional.of(new MultipartForm(parts));
    }

    public List<Part> parts() {
        return parts;
    }

    /** The part called {@code name}. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst();
    }
}
