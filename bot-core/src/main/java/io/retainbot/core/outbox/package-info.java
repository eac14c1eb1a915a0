/**
 * Sending: the outbox rows the engine wrote are sent by the
 * {@link io.retainbot.core.outbox.OutboxDispatcher} in order per chat, concurrently across chats, in
 * lanes (replies, then staff pings, then bulk), within each platform's pacing, and each outcome is
 * recorded at once.
 */
package io.retainbot.core.outbox;
