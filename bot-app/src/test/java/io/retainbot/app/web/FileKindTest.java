package io.retainbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.FileRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileKindTest {
    @Test
    void recognisesPhotosAndPdfByTheirFirstBytes() {
        assertThat(FileKind.of(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(FileKind.JPEG);
        assertThat(FileKind.of(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0))).contains(FileKind.PNG);
        assertThat(FileKind.of(ascii("GIF89a...."))).contains(FileKind.GIF);
        assertThat(FileKind.of(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(FileKind.WEBP);
        assertThat(FileKind.of(ascii("\0\0\0\u0018ftypheic\0\0\0\0"))).contains(FileKind.HEIC);
        assertThat(FileKind.of(ascii("%PDF-1.7\n"))).contains(FileKind.PDF);
    }

    @Test
    void refusesWhatOnlyClaimsToBeAPhoto() {
        assertThat(FileKind.of(ascii("<html><script>alert(1)</script>"))).isEmpty();
        assertThat(FileKind.of(ascii("MZ executable"))).isEmpty();
        assertThat(FileKind.of(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(FileKind.of(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(FileKind.of(new byte[0])).isEmpty();
    }

    @Test
    void tellsPhotosFromDocuments() {
        assertThat(FileKind.JPEG.kind).isEqualTo(FileRef.Kind.PHOTO);
        assertThat(FileKind.PDF.kind).isEqualTo(FileRef.Kind.DOCUMENT);
        assertThat(FileKind.PDF.mediaType).isEqualTo("application/pdf");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
