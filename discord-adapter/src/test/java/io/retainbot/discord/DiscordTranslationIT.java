package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.ChannelRef;
import io.retainbot.core.conversation.FileRef;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.conversation.Platform;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recorded gateway payloads (fixtures/*.json) played by the fake gateway to a real JDA, and what
 * reaches the engine.
 */
class DiscordTranslationIT {
    private static final ChannelRef MINA = new ChannelRef(Platform.DISCORD, "123456789012345678");
    private static final ChannelRef STAFF = new ChannelRef(Platform.DISCORD, "channel:700000000000000010");
    private static final MutableClock clock = MutableClock.at("2026-11-23T08:15:01Z");
    private static FakeDiscord discord;
    private static RecordingSink sink;
    private static DiscordAdapter adapter;

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = new FakeDiscord().withStaffGuild().start();
        sink = new RecordingSink();
        adapter = new DiscordAdapter(discord.settings().withStaffChannel(700000000000000010L), BusinessConfig.defaults(),
                clock);
        adapter.start(sink, DiscordTranslationIT::daemon);
        adapter.awaitReady();
    }

    static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "discord-intake-test");
        thread.setDaemon(true);
        return thread;
    }

    @AfterAll
    static void disconnect() {
        adapter.close();
        discord.close();
    }

    @Test
    void directMessageBecomesTextFromTheUserWithTheUserIdAsChat() {
        discord.dispatchFixture("dm_message");

        InboundEvent.TextReceived text = sink.next(InboundEvent.TextReceived.class);
        assertThat(text.channel()).isEqualTo(MINA);
        assertThat(text.sender().platformUserId()).isEqualTo("123456789012345678");
        assertThat(text.sender().displayName()).isEqualTo("Mina");
        assertThat(text.sender().languageHint()).isEmpty();
        assertThat(text.eventId()).isEqualTo("message:1310000000000000001");
        assertThat(text.receivedAt()).isEqualTo(clock.instant());
        assertThat(text.text()).isEqualTo("Hello, my parcel is late");
    }

    @Test
    void typedSlashWordInDirectMessageIsCommand() {
        discord.dispatchFixture("dm_start");

        InboundEvent.CommandReceived command = sink.next(InboundEvent.CommandReceived.class);
        assertThat(command.name()).isEqualTo("start");
        assertThat(command.argument()).isEmpty();
        assertThat(command.channel()).isEqualTo(MINA);
    }

    @Test
    void attachmentBecomesFileReferenceWithCaption() {
        discord.dispatchFixture("dm_attachment");

        InboundEvent.AttachmentReceived attachment = sink.next(InboundEvent.AttachmentReceived.class);
        assertThat(attachment.caption()).isEqualTo("This is how it arrived");
        assertThat(attachment.files()).singleElement().satisfies(file -> {
            assertThat(file.kind()).isEqualTo(FileRef.Kind.PHOTO);
            assertThat(file.platformFileId()).contains("/1310000000000000900/box.jpg");
            assertThat(file.mediaType()).isEqualTo("image/jpeg");
            assertThat(file.sizeBytes()).isEqualTo(204800);
            assertThat(file.fileName()).isEqualTo("box.jpg");
        });
    }

    @Test
    void editedDirectMessageIsRecordedAsEditWithItsEditTime() {
        discord.dispatchFixture("dm_edit");

        InboundEvent.MessageEdited edited = sink.next(InboundEvent.MessageEdited.class);
        assertThat(edited.messageId()).isEqualTo("1310000000000000001");
        assertThat(edited.text()).isEqualTo("Hello, my parcel is two days late");
        assertThat(edited.eventId()).isEqualTo("edit:1310000000000000001:1795421760000");
    }

    @Test
    void staffChannelMessageComesUnderTheStaffChannelReference() {
        discord.dispatchFixture("guild_message");

        InboundEvent.TextReceived text = sink.next(InboundEvent.TextReceived.class);
        assertThat(text.channel()).isEqualTo(STAFF);
        assertThat(text.sender().platformUserId()).isEqualTo("555555555555555555");
        assertThat(text.text()).isEqualTo("I will call the customer now");
    }

    @Test
    void messagesFromOtherGuildChannelsAndFromBotsAreDropped() throws InterruptedException {
        discord.dispatchFixture("other_guild_channel_message");
        discord.dispatchFixture("dm_from_bot");
        discord.dispatchFixture("dm_message");

        assertThat(sink.next().eventId()).isEqualTo("message:1310000000000000001");
        assertThat(sink.staysEmpty(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void slashCommandBecomesCommandWithOptionsAsArgumentAndLocaleAsHint() {
        discord.dispatchFixture("slash_status");

        InboundEvent.CommandReceived command = sink.next(InboundEvent.CommandReceived.class);
        assertThat(command.name()).isEqualTo("status");
        assertThat(command.argument()).isEqualTo("C-1042");
        assertThat(command.channel()).isEqualTo(MINA);
        assertThat(command.sender().languageHint()).isEqualTo("ko");
        assertThat(command.eventId()).isEqualTo("interaction:1985523115622400001");
    }

    @Test
    void buttonPressCarriesDataAndMessageIdWithEnglishForEnGb() {
        discord.dispatchFixture("button");

        InboundEvent.ButtonPressed pressed = sink.next(InboundEvent.ButtonPressed.class);
        assertThat(pressed.data()).isEqualTo("menu:status");
        assertThat(pressed.messageId()).isEqualTo("1310000000000000100");
        assertThat(pressed.sender().languageHint()).isEqualTo("en");
        assertThat(pressed.channel()).isEqualTo(MINA);
    }

    @Test
    void modalSubmissionBecomesComplaintForm() {
        discord.dispatchFixture("modal_submit");

        InboundEvent.FormSubmitted form = sink.next(InboundEvent.FormSubmitted.class);
        assertThat(form.formId()).isEqualTo("complaint");
        assertThat(form.fields()).isEqualTo(Map.of("category", "delivery", "description", "The parcel arrived broken"));
        assertThat(form.channel()).isEqualTo(MINA);
    }
}
