/**
 * Sending: the outbox rows the engine wrote are sent by the
 * {@link io.retainbot.core.outbox.OutboxDispatcher} in order per chat, concurrently across chats, in
 * lanes (replies, then staff pings, then bulk), within each chat's pacing and each platform's budget
 * (a sliding second counted as the platform counts it, {@code SendWindow}; a "wait" holds every send of
 * the platform). Where the budget is the bot's (Telegram's, Discord's), every instance sending for it takes
 * its places from the same rows in the database ({@link io.retainbot.core.outbox.SendSlot}). Each outcome is
 * recorded right after its send, sends that end together in one transaction ({@code OutcomeRecorder}). A
 * platform's senders are threads started only when no sender is idle ({@link io.retainbot.core.outbox.SenderPool}).
 */
package io.retainbot.core.outbox;
