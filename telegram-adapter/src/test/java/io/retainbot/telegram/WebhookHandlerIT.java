package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.port.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook's logic with a sink that records, answering callback queries through a fake Bot API. */
class WebhookHandlerIT {
    private static final String SECRET = "webhook-secret-0123456789";

    private final FakeBotApi telegram = new FakeBotApi();
    private final List<InboundEvent> accepted = new ArrayList<>();
    private RuntimeException failure;
    private final WebhookHandler webhook = webhook(event -> {
        if (failure != null) {
            throw failure;
        }
        accepted.add(event);
        return EventSink.Receipt.HANDLED;
    });

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void refusesAWrongOrMissingSecretWithoutTouchingTheSink() {
        String update = Updates.text(70, 7201, "Gil", "en", "hello");

        assertThat(webhook.handle("webhook-secret-0123456788", update).status()).isEqualTo(403);
        assertThat(webhook.handle(SECRET + "x", update).status()).isEqualTo(403);
        assertThat(webhook.handle("", update).status()).isEqualTo(403);
        assertThat(webhook.handle(null, update).status()).isEqualTo(403);
        assertThat(accepted).isEmpty();
    }

    @Test
    void acceptsAnUpdateWithTheRightSecretAndThenAnswersTheButton() {
        WebhookHandler.Answer answer = webhook.handle(SECRET, Updates.press(71, 7202, "Hana", "en", "consent:yes", 601));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(accepted).singleElement().isInstanceOfSatisfying(InboundEvent.ButtonPressed.class, pressed -> {
            assertThat(pressed.data()).isEqualTo("consent:yes");
            assertThat(pressed.messageId()).isEqualTo("601");
        });
        assertThat(telegram.calls("answerCallbackQuery")).hasSize(1);
    }

    @Test
    void answersAButtonPressedInAGroupItIgnoresWithoutTellingTheSink() {
        String update = """
                {"update_id":74,"callback_query":{"id":"cb74","from":{"id":7204,"is_bot":false,"first_name":"Jo"},
                 "chat_instance":"-1","data":"consent:yes","message":{"message_id":603,"date":1763875200,"text":"Hi",
                 "chat":{"id":-1009999999999,"title":"Another group","type":"supergroup"}}}}""";

        assertThat(webhook.handle(SECRET, update).status()).isEqualTo(200);
        assertThat(accepted).isEmpty();
        assertThat(telegram.calls("answerCallbackQuery")).singleElement()
                .satisfies(call -> assertThat(call.body().path("callback_query_id").asText()).isEqualTo("cb74"));
    }

    @Test
    void refusesABodyThatIsNotAnUpdate() {
        assertThat(webhook.handle(SECRET, "{not json").status()).isEqualTo(400);
        assertThat(webhook.handle(SECRET, "[1,2]").status()).isEqualTo(400);
        assertThat(accepted).isEmpty();
    }

    @Test
    void asksTelegramToSendAgainWhenNothingWasCommitted() {
        failure = new StoreUnavailableException("database went away", null);
        WebhookHandler.Answer databaseDown = webhook.handle(SECRET, Updates.press(72, 7203, "Ivo", "en", "x", 602));
        failure = new IllegalStateException("a bug");
        WebhookHandler.Answer bug = webhook.handle(SECRET, Updates.text(73, 7203, "Ivo", "en", "hello"));

        assertThat(databaseDown.status()).isEqualTo(503);
        assertThat(bug.status()).isEqualTo(500);
        assertThat(telegram.calls("answerCallbackQuery")).isEmpty();
    }

    private WebhookHandler webhook(EventSink sink) {
        BotApi api = new BotApi(FakeBotApi.TOKEN, telegram.url());
        return new WebhookHandler(SECRET, new UpdateIntake(new UpdateTranslator(Optional.empty(), Clock.systemUTC()),
                sink, api));
    }
}
