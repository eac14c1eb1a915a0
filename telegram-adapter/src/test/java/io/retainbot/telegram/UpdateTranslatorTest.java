package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T06:20:00Z");
    private static final ChannelRef MINA = new ChannelRef(Platform.TELEGRAM, "5123456789");

    private final UpdateTranslator translator = new UpdateTranslator(Optional.of("-1002000000001"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAPrivateTextWithNameAndLanguage() throws IOException {
        InboundEvent.TextReceived text = (InboundEvent.TextReceived) translate("message.json");

        assertThat(text.channel()).isEqualTo(MINA);
        assertThat(text.text()).isEqualTo("The parcel arrived crushed 📦");
        assertThat(text.sender().platformUserId()).isEqualTo("5123456789");
        assertThat(text.sender().displayName()).isEqualTo("Mina Park");
        assertThat(text.sender().languageHint()).isEqualTo("ko");
        assertThat(text.eventId()).isEqualTo("u804512001");
        assertThat(text.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void readsCommandsWithTheirArgument() throws IOException {
        InboundEvent.CommandReceived command = (InboundEvent.CommandReceived) translate("command.json");

        assertThat(command.name()).isEqualTo("status");
        assertThat(command.argument()).isEqualTo("C-1042");
    }

    @Test
    void readsCommandsAddressedToTheBotByName() throws IOException {
        InboundEvent.CommandReceived command = (InboundEvent.CommandReceived) translate("command_with_botname.json");

        assertThat(command.name()).isEqualTo("complaint");
        assertThat(command.argument()).isEmpty();
    }

    @Test
    void readsButtonPressesWithTheMessageTheyWereOn() throws IOException {
        InboundEvent.ButtonPressed pressed = (InboundEvent.ButtonPressed) translate("callback_query.json");

        assertThat(pressed.channel()).isEqualTo(MINA);
        assertThat(pressed.data()).isEqualTo("intake:category:delivery");
        assertThat(pressed.messageId()).isEqualTo("214");
        assertThat(pressed.sender().languageHint()).isEqualTo("tl");
    }

    @Test
    void takesTheLargestPhotoWithItsCaption() throws IOException {
        InboundEvent.AttachmentReceived attachment = (InboundEvent.AttachmentReceived) translate("photo.json");

        assertThat(attachment.files()).containsExactly(
                new FileRef("AgACAgQAAxkBAAIBlarge", FileRef.Kind.PHOTO, "image/jpeg", 98765, ""));
        assertThat(attachment.caption()).isEqualTo("the box");
    }

    @Test
    void readsDocumentsAsFileReferences() throws IOException {
        InboundEvent.AttachmentReceived attachment = (InboundEvent.AttachmentReceived) translate("document.json");

        assertThat(attachment.files()).containsExactly(new FileRef("BQACAgQAAxkBAAIBreceipt", FileRef.Kind.DOCUMENT,
                "application/pdf", 54321, "receipt.pdf"));
    }

    @Test
    void recordsEditsOfEarlierMessages() throws IOException {
        InboundEvent.MessageEdited edited = (InboundEvent.MessageEdited) translate("edited_message.json");

        assertThat(edited.messageId()).isEqualTo("211");
        assertThat(edited.text()).isEqualTo("The parcel arrived crushed and wet");
    }

    @Test
    void readsABlockAsBotBlocked() throws IOException {
        InboundEvent.BotBlocked blocked = (InboundEvent.BotBlocked) translate("my_chat_member_kicked.json");

        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.channel()).isEqualTo(MINA);
    }

    @Test
    void readsAnUnblockAsBotNoLongerBlocked() throws IOException {
        InboundEvent.BotBlocked unblocked = (InboundEvent.BotBlocked) translate("my_chat_member_member.json");

        assertThat(unblocked.blocked()).isFalse();
        assertThat(unblocked.eventId()).isEqualTo("u804512009");
    }

    @Test
    void givesEveryUpdateItsOwnStableEventId() throws IOException {
        assertThat(translate("command.json").eventId()).isEqualTo(translate("command.json").eventId())
                .isNotEqualTo(translate("message.json").eventId());
    }

    @Test
    void readsTheStaffGroupButNoOtherGroup() throws IOException {
        assertThat(translator.translate(update("group_message.json"))).isEmpty();
        assertThat(translator.translate(update("staff_group_message.json"))).get()
                .extracting(InboundEvent::channel)
                .isEqualTo(new ChannelRef(Platform.TELEGRAM, "-1002000000001"));
    }

    @Test
    void readsAReplyInTheStaffGroupAsAnAnswerToTheMessageItRepliesTo() throws IOException {
        InboundEvent.TextReceived reply = (InboundEvent.TextReceived) translate("staff_group_reply.json");

        assertThat(reply.replyTo()).isEqualTo("77");
        assertThat(reply.text()).isEqualTo("A new vase leaves today.");
        assertThat(((InboundEvent.TextReceived) translate("staff_group_message.json")).replyTo()).isEmpty();
    }

    @Test
    void readsAPhotoReplyInTheStaffGroupAsPhotosAnsweringTheMessageItRepliesTo() throws IOException {
        InboundEvent.AttachmentReceived reply = (InboundEvent.AttachmentReceived) translate("staff_group_photo_reply.json");

        assertThat(reply.replyTo()).isEqualTo("77");
        assertThat(reply.caption()).isEqualTo("This is the new vase.");
        assertThat(reply.files()).containsExactly(
                new FileRef("AgACAgQAAxkBAAIBvase", FileRef.Kind.PHOTO, "image/jpeg", 87654, ""));
        assertThat(((InboundEvent.AttachmentReceived) translate("photo.json")).replyTo()).isEmpty();
    }

    private InboundEvent translate(String fixture) throws IOException {
        return translator.translate(update(fixture)).orElseThrow();
    }

    static Update update(String fixture) throws IOException {
        try (InputStream in = UpdateTranslatorTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return JSON.readValue(in, Update.class);
        }
    }
}
