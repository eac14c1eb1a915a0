package io.retainbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoTest {
    private static FileRef file(String id, FileRef.Kind kind, String mediaType) {
        return new FileRef(id, kind, mediaType, 2048, "");
    }

    @Test
    void namesAPhotoByWhereItWasSent() {
        assertThat(Photo.of(Platform.TELEGRAM, file("AgACAgQAAxkBAAIBvase", FileRef.Kind.PHOTO, "image/jpeg")))
                .contains(new Photo("AgACAgQAAxkBAAIBvase", Photo.Origin.TELEGRAM));
        assertThat(Photo.of(Platform.DISCORD, file("https://cdn.discordapp.com/attachments/1/2/box.png",
                FileRef.Kind.PHOTO, "image/png")))
                .contains(new Photo("https://cdn.discordapp.com/attachments/1/2/box.png", Photo.Origin.DISCORD));
        assertThat(Photo.of(Platform.WEB, file("web:Fq3kz0x2a8QhT5sVw1yB7c", FileRef.Kind.PHOTO, "image/jpeg")))
                .contains(new Photo("Fq3kz0x2a8QhT5sVw1yB7c", Photo.Origin.UPLOADED));
        assertThat(new Photo("ph-shopfront").origin()).isEqualTo(Photo.Origin.KEPT);
    }

    @Test
    void takesNoFileThatIsNotAJpegOrPngPhoto() {
        assertThat(Photo.of(Platform.WEB, file("web:Fq3kz0x2a8QhT5sVw1yB7c", FileRef.Kind.PHOTO, "image/gif"))).isEmpty();
        assertThat(Photo.of(Platform.WEB, file("web:Fq3kz0x2a8QhT5sVw1yB7c", FileRef.Kind.DOCUMENT,
                "application/pdf"))).isEmpty();
        assertThat(Photo.of(Platform.WEB, file("elsewhere", FileRef.Kind.PHOTO, "image/jpeg"))).isEmpty();
        assertThat(Photo.of(Platform.DISCORD, file("https://cdn.discordapp.com/attachments/1/2/cat.webp",
                FileRef.Kind.PHOTO, "image/webp"))).isEmpty();
        assertThat(Photo.of(Platform.TELEGRAM, file("BQACAgQAAxkBAAIBreceipt", FileRef.Kind.DOCUMENT,
                "application/pdf"))).isEmpty();
    }
}
