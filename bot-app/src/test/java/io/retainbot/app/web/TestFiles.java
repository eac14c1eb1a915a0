package io.retainbot.app.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Files a customer might send: a photo of a damaged parcel, a PDF receipt, something that is neither. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A small picture in {@code format} ("png" or "jpg") of a brown parcel with a dent. */
    public static Path photo(Path directory, String name, String format) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(new Color(0xE8EEF7));
        graphics.fillRect(0, 0, 480, 320);
        graphics.setColor(new Color(0xB07A45));
        graphics.fillRect(110, 80, 260, 180);
        graphics.setColor(new Color(0x7A4E22));
        graphics.fillPolygon(new int[] {300, 370, 370}, new int[] {80, 80, 170}, 3);
        graphics.setColor(new Color(0xD9B27C));
        graphics.fillRect(225, 80, 30, 180);
        graphics.dispose();
        Path file = directory.resolve(name);
        try {
            ImageIO.write(image, format, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A one-page PDF receipt. */
    static Path pdf(Path directory, String name) {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return write(directory.resolve(name), pdf.getBytes(StandardCharsets.US_ASCII));
    }

    /** A text file dressed up as a photo by its name. */
    static Path notAPhoto(Path directory, String name) {
        return write(directory.resolve(name), "this is not a picture".getBytes(StandardCharsets.US_ASCII));
    }

    static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
