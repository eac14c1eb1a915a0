/**
 * Sending: the outbox rows the engine wrote are sent by the
 * {@link io.retainbot.core.outbox.OutboxDispatcher} in order per chat, concurrently across chats, in
 * lanes (replies, then staff pings, then bulk), within each chat's pacing and each platform's budget
 * (a sliding second counted as the platform counts it, {@code SendWindow}; a "wait" holds every send of
 * the platform), and each outcome is recorded at once.
 */
package io.retainbot.core.outbox;
