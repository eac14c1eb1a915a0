package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Button;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Photo;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.SendOutcome;
import io.retainbot.core.outbox.Pacing;
import io.retainbot.core.port.PhotoStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramChatGatewayIT {
    private static final ChannelRef MINA = new ChannelRef(Platform.TELEGRAM, "5123456789");

    private final FakeBotApi telegram = new FakeBotApi();
    private final TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()),
            30, false);

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void sendsTextWithAnInlineKeyboard() {
        OutboundMessage message = new OutboundMessage.Text("What is it about?", List.of(
                List.of(new Button("Delivery", "intake:category:delivery"), new Button("Product", "intake:category:product")),
                List.of(new Button("Other", "intake:category:other"))));

        SendOutcome outcome = gateway.send(MINA, message);

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        FakeBotApi.Call call = telegram.sentTo("5123456789").get(0);
        assertThat(call.text()).isEqualTo("What is it about?");
        assertThat(call.body().at("/reply_markup/inline_keyboard/0/1/callback_data").asText())
                .isEqualTo("intake:category:product");
        assertThat(call.body().at("/reply_markup/inline_keyboard/1/0/text").asText()).isEqualTo("Other");
    }

    @Test
    void sendsATextWithAPhotoAsACaptionedPhotoUploadedOnceThenNamedByItsFileId() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, 6};
        PhotoStore.StoredPhoto shopfront = new PhotoStore.StoredPhoto("ph-shopfront", "image/jpeg", "shop front.jpg",
                jpeg.length, "sha", Instant.EPOCH, jpeg);
        TelegramChatGateway withPhotos = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30,
                false, photo -> photo.key().equals("ph-shopfront") ? Optional.of(shopfront) : Optional.empty());
        OutboundMessage.Text message = new OutboundMessage.Text("Our new shop opens on Monday.",
                List.of(List.of(new Button("Thanks!", "outreach:thanks")))).withPhoto(new Photo("ph-shopfront"));

        SendOutcome first = withPhotos.send(MINA, message);
        SendOutcome second = withPhotos.send(new ChannelRef(Platform.TELEGRAM, "5123456790"), message);

        List<FakeBotApi.Call> photos = telegram.calls("sendPhoto");
        assertThat(first).isEqualTo(new SendOutcome.Delivered(String.valueOf(photos.get(0).messageId())));
        assertThat(second).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).chatId()).isEqualTo("5123456789");
        assertThat(photos.get(0).body().path("caption").asText()).isEqualTo("Our new shop opens on Monday.");
        assertThat(photos.get(0).body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
                .isEqualTo("outreach:thanks");
        assertThat(photos.get(0).body().at("/photo/upload").asText()).isEqualTo("shop front.jpg");
        assertThat(photos.get(0).body().at("/photo/size").asInt()).isEqualTo(jpeg.length);
        assertThat(photos.get(1).body().path("photo").asText()).as("the file id Telegram gave it")
                .isEqualTo("AgAC-photo-" + photos.get(0).messageId());
        assertThat(telegram.calls("sendMessage")).isEmpty();
    }

    @Test
    void sendsTheWordsAfterThePhotoWhenTheyAreLongerThanACaptionAndTheTextAloneWhenThePhotoIsGone() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 7, 7};
        PhotoStore.StoredPhoto banner = new PhotoStore.StoredPhoto("ph-banner", "image/png", "", png.length, "sha",
                Instant.EPOCH, png);
        TelegramChatGateway withPhotos = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30,
                false, photo -> photo.key().equals("ph-banner") ? Optional.of(banner) : Optional.empty());
        String longWords = "Our membership day. ".repeat(60).strip();
        List<List<Button>> buttons = List.of(List.of(new Button("Stop these messages", "outreach:stop")));

        SendOutcome longOne = withPhotos.send(MINA, new OutboundMessage.Text(longWords, buttons)
                .withPhoto(new Photo("ph-banner")));
        SendOutcome gone = withPhotos.send(MINA, OutboundMessage.Text.of("A photo deleted since.")
                .withPhoto(new Photo("ph-deleted")));

        List<FakeBotApi.Call> photos = telegram.calls("sendPhoto");
        List<FakeBotApi.Call> texts = telegram.sentTo("5123456789");
        assertThat(photos).hasSize(1);
        assertThat(photos.get(0).body().has("caption")).isFalse();
        assertThat(photos.get(0).body().has("reply_markup")).isFalse();
        assertThat(photos.get(0).body().at("/photo/upload").asText()).isEqualTo("photo.png");
        assertThat(texts).extracting(FakeBotApi.Call::text).containsExactly(longWords, "A photo deleted since.");
        assertThat(texts.get(0).body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText())
                .isEqualTo("outreach:stop");
        assertThat(longOne).isEqualTo(new SendOutcome.Delivered(String.valueOf(texts.get(0).messageId())));
        assertThat(gone).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(withPhotos.takesPhotos()).isTrue();
    }

    @Test
    void sendsAnAnswerToAnEarlierMessageAsAReplyToIt() {
        ChannelRef staff = new ChannelRef(Platform.TELEGRAM, "-1002000000001");

        gateway.send(staff, new OutboundMessage.Text("Mina about C-1042: it is broken", List.of(), "214", "C-1042"));
        gateway.send(staff, OutboundMessage.Text.of("not a reply"));

        List<FakeBotApi.Call> sent = telegram.sentTo("-1002000000001");
        assertThat(sent.get(0).body().at("/reply_parameters/message_id").asInt()).isEqualTo(214);
        assertThat(sent.get(0).body().at("/reply_parameters/allow_sending_without_reply").asBoolean()).isTrue();
        assertThat(sent.get(1).body().has("reply_parameters")).isFalse();
    }

    @Test
    void sendsAPhotoSentOnTelegramByItsOwnFileIdAsAReplyWithoutUploadingIt() {
        ChannelRef staff = new ChannelRef(Platform.TELEGRAM, "-1002000000001");
        TelegramChatGateway withPhotos = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30,
                false, photo -> {
                    throw new AssertionError("a Telegram photo needs no bytes, asked for " + photo);
                });

        SendOutcome sent = withPhotos.send(staff, new OutboundMessage.Text("Mina about C-1042: photo 1 of 2", List.of(),
                "214", "").withPhoto(new Photo("AgACAgQAAxkBAAIBlarge", Photo.Origin.TELEGRAM)));

        FakeBotApi.Call photo = telegram.photosSentTo("-1002000000001").get(0);
        assertThat(sent).isEqualTo(new SendOutcome.Delivered(String.valueOf(photo.messageId())));
        assertThat(photo.body().path("photo").asText()).isEqualTo("AgACAgQAAxkBAAIBlarge");
        assertThat(photo.body().path("caption").asText()).isEqualTo("Mina about C-1042: photo 1 of 2");
        assertThat(photo.body().at("/reply_parameters/message_id").asInt()).isEqualTo(214);
    }

    @Test
    void sendsAPhotoFromElsewhereUploadedOnceThenByTheFileIdTelegramGaveIt() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 9, 8, 7};
        Photo fromTheWeb = new Photo("Fq3kz0x2a8QhT5sVw1yB7c", Photo.Origin.UPLOADED);
        TelegramChatGateway withPhotos = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30,
                false, photo -> photo.equals(fromTheWeb) ? Optional.of(new PhotoStore.StoredPhoto(photo.key(),
                        "image/jpeg", "box.jpg", jpeg.length, "sha", Instant.EPOCH, jpeg)) : Optional.empty());

        withPhotos.send(MINA, OutboundMessage.Text.of("photo 1 of 1").withPhoto(fromTheWeb));
        withPhotos.send(MINA, OutboundMessage.Text.of("again").withPhoto(fromTheWeb));

        List<FakeBotApi.Call> photos = telegram.photosSentTo("5123456789");
        assertThat(photos.get(0).body().at("/photo/upload").asText()).isEqualTo("box.jpg");
        assertThat(photos.get(1).body().path("photo").asText()).isEqualTo("AgAC-photo-" + photos.get(0).messageId());
    }

    @Test
    void readsBackAPhotoSentOnTelegramByItsFileId() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 4, 5, 6};
        telegram.withFile("AgACAgQAAxkBAAIBvase", jpeg);
        TelegramSettings settings = new TelegramSettings(FakeBotApi.TOKEN, telegram.url(),
                TelegramSettings.Mode.POLLING, Optional.empty(), Optional.empty(), Optional.empty(), 30, false);
        io.retainbot.core.port.PhotoSource sentOnTelegram = TelegramAdapter.photosSentOn(settings,
                java.time.Clock.systemUTC());

        PhotoStore.StoredPhoto photo = sentOnTelegram.photo(new Photo("AgACAgQAAxkBAAIBvase", Photo.Origin.TELEGRAM))
                .orElseThrow();

        assertThat(photo.content()).isEqualTo(jpeg);
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(telegram.calls("getFile")).extracting(call -> call.body().path("file_id").asText())
                .containsExactly("AgACAgQAAxkBAAIBvase");
        assertThat(sentOnTelegram.photo(new Photo("AgACAgQAAxkBAAIBgone", Photo.Origin.TELEGRAM))).isEmpty();
        assertThat(sentOnTelegram.photo(new Photo("ph-shopfront"))).isEmpty();
    }

    @Test
    void editsAnEarlierMessage() {
        SendOutcome outcome = gateway.send(MINA, new OutboundMessage.Edit("214", "Category: Delivery", List.of()));

        assertThat(outcome).isEqualTo(new SendOutcome.Delivered("214"));
        FakeBotApi.Call call = telegram.calls("editMessageText").get(0);
        assertThat(call.body().path("message_id").asInt()).isEqualTo(214);
        assertThat(call.text()).isEqualTo("Category: Delivery");
    }

    @Test
    void splitsLongTextsAtParagraphsAndPutsTheButtonsUnderTheLastPart() {
        String paragraph = String.join(" ", Collections.nCopies(200, "A long paragraph."));
        String text = String.join("\n\n", paragraph, paragraph.toUpperCase(Locale.ROOT), paragraph);

        SendOutcome outcome = gateway.send(MINA, new OutboundMessage.Text(text,
                List.of(List.of(new Button("Done", "done")))));

        List<FakeBotApi.Call> parts = telegram.sentTo("5123456789");
        assertThat(parts).extracting(FakeBotApi.Call::text)
                .containsExactly(paragraph, paragraph.toUpperCase(Locale.ROOT), paragraph);
        assertThat(parts.get(0).body().has("reply_markup")).isFalse();
        assertThat(parts.get(1).body().has("reply_markup")).isFalse();
        assertThat(parts.get(2).body().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("done");
        assertThat(outcome).isEqualTo(new SendOutcome.Delivered(String.valueOf(parts.get(2).messageId())));
    }

    @Test
    void splitsAParagraphThatIsTooLongBetweenWords() {
        String text = "word ".repeat(2000).strip();

        gateway.send(MINA, OutboundMessage.Text.of(text));

        List<FakeBotApi.Call> parts = telegram.sentTo("5123456789");
        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part.text()).matches("word( word)*"));
    }

    @Test
    void countsAnEditThatChangesNothingAsDelivered() {
        telegram.failNext("editMessageText", call -> true, 400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly the "
                        + "same as a current content and reply markup of the message", null);

        assertThat(gateway.send(MINA, new OutboundMessage.Edit("215", "Same text", List.of())))
                .isEqualTo(new SendOutcome.Delivered("215"));
    }

    @Test
    void reportsAnUnknownOrDeactivatedChatAsUnreachable() {
        telegram.failNext("sendMessage", call -> true, 400, "Bad Request: chat not found", null);
        telegram.failNext("sendMessage", call -> true, 403, "Forbidden: user is deactivated", null);

        assertThat(gateway.send(MINA, OutboundMessage.Text.of("hi"))).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(gateway.send(MINA, OutboundMessage.Text.of("hi"))).isInstanceOf(SendOutcome.Unreachable.class);
    }

    @Test
    void reportsItsBulkBudgetAndPaidBroadcasts() {
        TelegramChatGateway broadcaster = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 900, true);

        broadcaster.send(MINA, OutboundMessage.Text.of("Happy birthday!"));

        assertThat(broadcaster.bulkPerSecond()).isEqualTo(900);
        assertThat(gateway.bulkPerSecond()).isEqualTo(30);
        assertThat(telegram.sentTo("5123456789").get(0).body().path("allow_paid_broadcast").asBoolean()).isTrue();
    }

    @Test
    void reportsRateLimitsWithTheirRetryAfter() {
        telegram.failNext("sendMessage", call -> true, 429, "Too Many Requests: retry after 17", 17);

        assertThat(gateway.send(MINA, OutboundMessage.Text.of("hi")))
                .isEqualTo(new SendOutcome.RateLimited(Duration.ofSeconds(17)));
    }

    @Test
    void reportsABlockedUserAsUnreachable() {
        telegram.failNext("sendMessage", call -> true, 403, "Forbidden: bot was blocked by the user", null);

        assertThat(gateway.send(MINA, OutboundMessage.Text.of("hi"))).isInstanceOf(SendOutcome.Unreachable.class);
    }

    @Test
    void retriesServerErrorsButNotBadRequests() {
        telegram.failNext("sendMessage", call -> true, 502, "Bad Gateway", null);
        telegram.failNext("sendMessage", call -> true, 400, "Bad Request: message text is empty", null);

        SendOutcome serverError = gateway.send(MINA, OutboundMessage.Text.of("hi"));
        SendOutcome badRequest = gateway.send(MINA, OutboundMessage.Text.of("hi"));

        assertThat(serverError).isInstanceOfSatisfying(SendOutcome.Failed.class, failed ->
                assertThat(failed.retryable()).isTrue());
        assertThat(badRequest).isInstanceOfSatisfying(SendOutcome.Failed.class, failed ->
                assertThat(failed.retryable()).isFalse());
    }

    @Test
    void reportsAnUnreachableServerAsRetryable() {
        TelegramChatGateway nowhere = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN,
                java.net.URI.create("http://127.0.0.1:1")), 30, false);

        assertThat(nowhere.send(MINA, OutboundMessage.Text.of("hi"))).isInstanceOfSatisfying(SendOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void givesUpOnASendMessageThatIsNeverAnsweredWithARetryableFailure() {
        telegram.hang("sendMessage");
        TelegramChatGateway patient = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url(),
                Duration.ofMillis(500)), 30, false);

        assertThat(patient.send(MINA, OutboundMessage.Text.of("hi"))).isInstanceOfSatisfying(SendOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
        assertThat(telegram.calls("sendMessage")).as("the call reached the API, which never answered").hasSize(1);
    }

    @Test
    void pacesGroupsAtTwentyAMinuteAndPrivateChatsAtOneASecondWithShortBursts() {
        assertThat(gateway.pacing(new ChannelRef(Platform.TELEGRAM, "-1002000000001")))
                .isEqualTo(new Pacing(1, Duration.ofSeconds(3)));
        assertThat(gateway.pacing(MINA)).isEqualTo(new Pacing(3, Duration.ofSeconds(1)));
    }
}
