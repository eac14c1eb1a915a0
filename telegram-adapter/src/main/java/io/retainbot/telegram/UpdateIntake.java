package io.retainbot.telegram;

import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.engine.EventSink;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Hands one update to the engine, the same way for polling and webhook: translate, let the engine
 * commit it, then stop the button's spinner. An update that cannot be translated is logged and
 * counts as received (it would fail the same way every time); if the engine throws, nothing was
 * committed and the exception reaches the caller, which must not acknowledge the update.
 */
final class UpdateIntake {
    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

    private final UpdateTranslator translator;
    private final EventSink sink;
    private final BotApi api;

    UpdateIntake(UpdateTranslator translator, EventSink sink, BotApi api) {
        this.translator = translator;
        this.sink = sink;
        this.api = api;
    }

    void take(Update update) {
        Optional<InboundEvent> event;
        try {
            event = translator.translate(update);
        } catch (RuntimeException unreadable) {
            log.warn("skipped Telegram update {} that could not be read: {}", update.getUpdateId(), unreadable.toString());
            return;
        }
        if (event.isEmpty()) {
            log.debug("ignored Telegram update {}", update.getUpdateId());
            answerIfButton(update);
            return;
        }
        sink.accept(event.get());
        answerIfButton(update);
    }

    /** Stops the spinner on a pressed button, also on one the engine never sees (a group that is not the staff's). */
    private void answerIfButton(Update update) {
        if (!update.hasCallbackQuery() || update.getCallbackQuery().getId() == null) {
            return;
        }
        try {
            api.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).build());
        } catch (TelegramApiException tooLate) {
            // The query expired or the network hiccupped: the button spins a little longer, nothing is lost.
            log.debug("could not answer callback query: {}", tooLate.getMessage());
        }
    }
}
