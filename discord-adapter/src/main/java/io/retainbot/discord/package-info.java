/**
 * Discord through JDA. Customers write to the bot in direct messages and use slash commands,
 * buttons and the complaint form (a modal); staff work in one staff channel and its threads.
 *
 * <p>Gateway intents: {@code DIRECT_MESSAGES} (customers' DMs), {@code GUILD_MESSAGES} (the staff
 * channel) and the privileged {@code MESSAGE_CONTENT}, which must be switched on in the developer
 * portal (Bot, Privileged Gateway Intents) because the bot reads what staff write in the staff
 * channel; direct messages and interactions carry their content without it.
 *
 * <p>Chats: a customer's DM is {@code dm:<user id>} (opened again by user id after a restart, so no
 * channel cache is needed); the staff channel and its threads are the staff channel's id.
 * Interactions are acknowledged at once (deferred) on JDA's event thread, before any database work,
 * so the 3-second limit holds even when the database is slow; the engine's answers then arrive as
 * ordinary DM messages and the deferred "thinking" reply is removed.
 */
package io.retainbot.discord;
