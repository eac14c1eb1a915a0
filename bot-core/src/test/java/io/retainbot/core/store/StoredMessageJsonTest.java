package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import org.junit.jupiter.api.Test;

/** Outbound messages as the outbox and the web chat keep them: written and read back, old rows included. */
class StoredMessageJsonTest {
    @Test
    void readsAPhotoStoredBeforePhotosNamedWhereTheyLiveAsATemplatesPhoto() {
        OutboundMessage read = Json.read("{\"type\":\"text\",\"text\":\"Our new shop\",\"buttons\":[],\"replyTo\":\"\","
                + "\"topic\":\"\",\"photo\":{\"key\":\"ph-shopfront\"}}", OutboundMessage.class);

        assertThat(read).isEqualTo(OutboundMessage.Text.of("Our new shop").withPhoto(new Photo("ph-shopfront")));
        assertThat(((OutboundMessage.Text) read).photo().origin()).isEqualTo(Photo.Origin.KEPT);
    }

    @Test
    void keepsWhereAPhotoLives() {
        OutboundMessage.Text message = new OutboundMessage.Text("Mina about C-1042: photo 1 of 1", java.util.List.of(),
                "214", "").withPhoto(new Photo("https://cdn.discordapp.com/attachments/1/2/box.jpg?ex=1",
                Photo.Origin.DISCORD));

        assertThat(Json.read(Json.write(message), OutboundMessage.class)).isEqualTo(message);
    }
}
