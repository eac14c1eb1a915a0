package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.PhotoStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A text with a photo on Discord: the photo goes as an attachment of the message, the buttons under it; a photo
 * someone sent on Discord is read back from its attachment URL and uploaded again.
 */
class DiscordPhotoIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3, 4};
    private static final PhotoStore.StoredPhoto SHOPFRONT = new PhotoStore.StoredPhoto("ph-shopfront", "image/png",
            "shopfront", PNG.length, "sha", Instant.EPOCH, PNG);

    private final FakeDiscord discord = new FakeDiscord();
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        PhotoSource sentOnDiscord = DiscordAdapter.photosSentOn(Clock.systemUTC());
        adapter = new DiscordAdapter(discord.settings(), Messages.builtIn(), BusinessConfig.defaults(), Clock.systemUTC(),
                photo -> photo.origin() == Photo.Origin.DISCORD ? sentOnDiscord.photo(photo)
                        : photo.key().equals(SHOPFRONT.key()) ? Optional.of(SHOPFRONT) : Optional.empty());
        adapter.start(event -> EventSink.Receipt.IGNORED);
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        adapter.close();
        discord.close();
    }

    @Test
    void attachesTheTextsPhotoToTheMessageWithItsButtons() {
        String user = "400000000000000061";
        OutboundMessage.Text message = new OutboundMessage.Text("Our new shop opens on Monday.",
                List.of(List.of(new Button("Stop these messages", "outreach:stop"))))
                .withPhoto(new Photo("ph-shopfront"));

        SendOutcome outcome = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "dm:" + user), message);

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        FakeDiscord.Call sent = discord.sentTo(user).get(0);
        assertThat(sent.content()).isEqualTo("Our new shop opens on Monday.");
        assertThat(sent.body().path("components").findValuesAsText("custom_id")).containsExactly("outreach:stop");
        assertThat(sent.body().path("uploads")).hasSize(1);
        assertThat(sent.body().at("/uploads/0/filename").asText()).isEqualTo("shopfront.png");
        assertThat(sent.body().at("/uploads/0/size").asInt()).isEqualTo(PNG.length);
        assertThat(adapter.gateway().takesPhotos()).isTrue();
    }

    @Test
    void reuploadsAPhotoSentOnDiscordFromItsAttachmentUrl() {
        String user = "400000000000000063";
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 7, 7, 7, 7};
        String url = discord.attachment("1441000000000000099", "new-vase.jpg", "image/jpeg", jpeg).path("url").asText();
        PhotoSource sentOnDiscord = DiscordAdapter.photosSentOn(Clock.systemUTC());

        SendOutcome outcome = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "dm:" + user),
                OutboundMessage.Text.of("Joon (Demo Shop): [a photo]").withPhoto(new Photo(url, Photo.Origin.DISCORD)));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        FakeDiscord.Call sent = discord.sentTo(user).get(0);
        assertThat(sent.body().at("/uploads/0/filename").asText()).isEqualTo("new-vase.jpg");
        assertThat(sent.body().at("/uploads/0/size").asInt()).isEqualTo(jpeg.length);
        assertThat(sentOnDiscord.photo(new Photo(url.replace("new-vase", "gone"), Photo.Origin.DISCORD))).isEmpty();
        assertThat(sentOnDiscord.photo(new Photo("AgACAgQAAxkBAAIBvase", Photo.Origin.TELEGRAM))).isEmpty();
    }

    @Test
    void sendsTheTextAloneWhenThePhotoIsNoLongerKept() {
        String user = "400000000000000062";

        SendOutcome outcome = adapter.gateway().send(new ChannelRef(Platform.DISCORD, "dm:" + user),
                OutboundMessage.Text.of("A photo deleted since.").withPhoto(new Photo("ph-deleted")));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        FakeDiscord.Call sent = discord.sentTo(user).get(0);
        assertThat(sent.content()).isEqualTo("A photo deleted since.");
        assertThat(sent.body().path("uploads").isMissingNode()).isTrue();
    }
}
