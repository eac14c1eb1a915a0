package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import org.junit.jupiter.api.Test;

/** Guild messages (the staff channel) from the recorded fixture, on mocked JDA entities (a third-party SDK). */
class MessageTranslatorTest {
    private static final String STAFF = "1441000000000000010";

    private final MessageTranslator translator = new MessageTranslator(new DiscordChannels(Optional.of(STAFF)),
            Clock.fixed(Instant.parse("2026-11-23T06:25:00Z"), ZoneOffset.UTC));

    @Test
    void readsAStaffChannelMessageAsComingFromTheStaffChannel() throws IOException {
        JsonNode fixture = DiscordTranslationIT.fixture("guild_message.json");

        InboundEvent.TextReceived text = (InboundEvent.TextReceived) translator.received(
                guildMessage(fixture, fixture.path("channel_id").asText(), ChannelType.TEXT)).orElseThrow();

        assertThat(text.channel()).isEqualTo(new ChannelRef(Platform.DISCORD, STAFF));
        assertThat(text.text()).isEqualTo("I will take C-1042");
        assertThat(text.sender().platformUserId()).isEqualTo("322345678901234567");
    }

    @Test
    void readsAThreadUnderTheStaffChannelAsTheStaffChannel() throws IOException {
        JsonNode fixture = DiscordTranslationIT.fixture("guild_message.json");
        Message message = guildMessage(fixture, "1441000000000000099", ChannelType.GUILD_PUBLIC_THREAD);

        assertThat(translator.received(message)).get().extracting(InboundEvent::channel)
                .isEqualTo(new ChannelRef(Platform.DISCORD, STAFF));
    }

    @Test
    void aMessageInAThreadAnswersTheMessageTheThreadWasStartedFrom() throws IOException {
        JsonNode fixture = DiscordTranslationIT.fixture("guild_message.json");
        Message inThread = guildMessage(fixture, "1441000000000000099", ChannelType.GUILD_PUBLIC_THREAD);
        Message inChannel = guildMessage(fixture, STAFF, ChannelType.TEXT);

        assertThat(((InboundEvent.TextReceived) translator.received(inThread).orElseThrow()).replyTo())
                .isEqualTo("1441000000000000099");
        assertThat(((InboundEvent.TextReceived) translator.received(inChannel).orElseThrow()).replyTo()).isEmpty();
    }

    @Test
    void aPhotoInAThreadIsAnAttachmentAnsweringTheMessageTheThreadWasStartedFrom() throws IOException {
        JsonNode fixture = DiscordTranslationIT.fixture("guild_message.json");
        Message inThread = guildMessage(fixture, "1441000000000000099", ChannelType.GUILD_PUBLIC_THREAD);
        Message.Attachment photo = mock(Message.Attachment.class);
        when(photo.getUrl()).thenReturn("https://cdn.discordapp.com/attachments/1441000000000000099/1/vase.jpg");
        when(photo.isImage()).thenReturn(true);
        when(photo.getContentType()).thenReturn("image/jpeg");
        when(photo.getSize()).thenReturn(4096);
        when(photo.getFileName()).thenReturn("vase.jpg");
        when(inThread.getAttachments()).thenReturn(List.of(photo));

        InboundEvent.AttachmentReceived files = (InboundEvent.AttachmentReceived) translator.received(inThread)
                .orElseThrow();

        assertThat(files.replyTo()).isEqualTo("1441000000000000099");
        assertThat(files.caption()).isEqualTo("I will take C-1042");
        assertThat(files.files()).containsExactly(new FileRef(
                "https://cdn.discordapp.com/attachments/1441000000000000099/1/vase.jpg", FileRef.Kind.PHOTO,
                "image/jpeg", 4096, "vase.jpg"));
    }

    @Test
    void ignoresOtherGuildChannels() throws IOException {
        JsonNode fixture = DiscordTranslationIT.fixture("guild_message.json");

        assertThat(translator.received(guildMessage(fixture, "1441000000000000555", ChannelType.TEXT))).isEmpty();
    }

    private static Message guildMessage(JsonNode fixture, String channelId, ChannelType type) {
        User author = mock(User.class);
        when(author.getId()).thenReturn(fixture.at("/author/id").asText());
        when(author.getEffectiveName()).thenReturn(fixture.at("/author/global_name").asText());
        MessageChannelUnion channel = mock(MessageChannelUnion.class);
        when(channel.getId()).thenReturn(channelId);
        when(channel.getType()).thenReturn(type);
        if (type.isThread()) {
            ThreadChannel thread = mock(ThreadChannel.class);
            IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
            when(parent.getId()).thenReturn(STAFF);
            when(thread.getParentChannel()).thenReturn(parent);
            when(channel.asThreadChannel()).thenReturn(thread);
        }
        Message message = mock(Message.class);
        when(message.getAuthor()).thenReturn(author);
        when(message.getType()).thenReturn(MessageType.DEFAULT);
        when(message.getChannel()).thenReturn(channel);
        when(message.getId()).thenReturn(fixture.path("id").asText());
        when(message.getContentRaw()).thenReturn(fixture.path("content").asText());
        when(message.getAttachments()).thenReturn(List.of());
        return message;
    }
}
