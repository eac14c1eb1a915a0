package io.retainbot.app.web;

import io.retainbot.core.chat.FileRef;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The files the web chat accepts, recognised by their first bytes (what the browser or the file name
 * claims is not trusted): photos and PDF documents.
 */
enum FileKind {
    JPEG("image/jpeg", FileRef.Kind.PHOTO),
    PNG("image/png", FileRef.Kind.PHOTO),
    GIF("image/gif", FileRef.Kind.PHOTO),
    WEBP("image/webp", FileRef.Kind.PHOTO),
    HEIC("image/heic", FileRef.Kind.PHOTO),
    PDF("application/pdf", FileRef.Kind.DOCUMENT);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    final String mediaType;
    final FileRef.Kind kind;

    FileKind(String mediaType, FileRef.Kind kind) {
        this.mediaType = mediaType;
        this.kind = kind;
    }

    /** Whether browsers show this type in an image tag (HEIC photos are kept and listed, not previewed). */
    static boolean showsInBrowsers(String mediaType) {
        return mediaType.equals(JPEG.mediaType) || mediaType.equals(PNG.mediaType) || mediaType.equals(GIF.mediaType)
                || mediaType.equals(WEBP.mediaType);
    }

    /** The kind the content is, by its signature; empty for anything else. */
    static Optional<FileKind> of(byte[] content) {
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, ascii("GIF87a")) || startsWith(content, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, 4, ascii("ftyp")) && (startsWith(content, 8, ascii("heic"))
                || startsWith(content, 8, ascii("heix")) || startsWith(content, 8, ascii("mif1")))) {
            return Optional.of(HEIC);
        }
        if (startsWith(content, 0, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
