/**
 * Discord through JDA. Customers write to the bot in direct messages and use slash commands,
 * buttons and the complaint form (a modal); staff work in one staff channel and its threads.
 *
 * <p>Gateway intents: {@code DIRECT_MESSAGES} (customers' DMs) always; with a staff channel
 * ({@code DISCORD_STAFF_CHANNEL_ID}) also {@code GUILD_MESSAGES} (the staff channel and its threads)
 * and the privileged {@code MESSAGE_CONTENT}, which must then be switched on in the developer portal
 * (Bot, Privileged Gateway Intents): without it Discord delivers staff-channel messages with empty
 * content (text, attachments, embeds), except those that mention the bot, and refuses a connection
 * that asks for it while it is off (close code 4014). Direct messages and interactions (slash
 * commands, buttons, forms) carry their content without it, so a bot without a staff channel needs
 * no privileged intent. JDA adds the non-privileged {@code GUILDS} intent itself.
 *
 * <p>Chats: a customer's DM is {@code dm:<user id>} (opened again by user id after a restart, so no
 * channel cache is needed); events in the staff channel and its threads come as the staff channel's id,
 * a message in a thread answering the message the thread was started from. A staff ping opens a thread
 * under itself, whose id is the ping's, and what the bot later says about it is sent to that thread.
 * Interactions are acknowledged at once (deferred) on JDA's event thread, before any database work,
 * so the 3-second limit holds even when the database is slow; the engine's answers then arrive as
 * ordinary DM messages and the deferred "thinking" reply is removed. While the database is away an
 * event is offered again with growing pauses; one the engine never got ends with an apology in the
 * user's language (the placeholder replaced, or a message only they see for a button), never with an
 * endless "thinking". A reconnect that resumes loses nothing; one that had to start a new session is
 * logged as a warning with the last event received, the disconnect time and what was lost.
 */
package io.retainbot.discord;
