/**
 * Telegram through TelegramBots: {@link io.retainbot.telegram.UpdateTranslator} turns Bot API
 * updates into core events, {@link io.retainbot.telegram.TelegramChatGateway} sends replies and
 * maps every answer to a send outcome, {@link io.retainbot.telegram.LongPoller} reads updates with
 * the offset kept in PostgreSQL (an update counts as received only once the engine committed it),
 * and {@link io.retainbot.telegram.WebhookHandler} takes them from our own HTTP server instead.
 * The library's long-polling consumer is not used: it advances the offset before handling and dies
 * silently on an exception. In the staff group a reply names the message it answers, and the bot's
 * notes about a ping are sent as replies to it.
 */
package io.retainbot.telegram;
