/**
 * Discord through JDA. One translator per JDA event type ({@code MessageTranslator} for DMs and the
 * staff channel, {@code SlashCommandTranslator}, {@code ButtonTranslator}, {@code ModalTranslator},
 * {@code EditTranslator}) drops what it cannot use and emits one core event; {@code DiscordListener}
 * acknowledges every interaction at once (the /complaint form, a deferred reply or a deferred update)
 * and hands the event to the engine off JDA's thread; {@code DiscordChatGateway} sends and maps every
 * answer to a send outcome; {@link io.retainbot.discord.DiscordAdapter} is what bot-app wires.
 *
 * <h2>Chats</h2>
 * A customer's chat is their DM with the bot, with the Discord <em>user id</em> as chat id; the staff
 * channel and its threads are {@code channel:<id>}, and every event from the staff channel or one of
 * its threads carries the staff channel's reference, so the engine takes it only from active staff.
 *
 * <h2>Gateway intents</h2>
 * {@code DIRECT_MESSAGES} always (customers' DMs). With a staff channel configured also
 * {@code GUILD_MESSAGES} (messages in the staff channel and its threads) and {@code MESSAGE_CONTENT}.
 * JDA always adds the non-privileged {@code GUILDS} intent (servers, channels, threads). Slash commands,
 * buttons and forms arrive as interactions, which need no intent.
 * <p><b>Privileged intent:</b> {@code MESSAGE_CONTENT} must be switched on in the Discord developer
 * portal (Bot page, "Message Content Intent") when {@code DISCORD_STAFF_CHANNEL_ID} is set: without it
 * Discord delivers staff-channel messages with empty text (content, attachments, embeds), except
 * messages that mention the bot. DMs with the bot carry their content without this intent, so a bot
 * without a staff channel needs no privileged intent at all. {@code GUILD_MEMBERS} and
 * {@code GUILD_PRESENCES} are not used.
 *
 * <h2>Languages</h2>
 * Interactions carry the user's client locale, used as the language hint ({@code en-US} and
 * {@code en-GB} become {@code en}, {@code ko} stays {@code ko}); messages carry none. Discord has no
 * Tagalog or Filipino locale, so slash commands are English by default with Korean localizations,
 * and Tagalog speakers choose their language with /language.
 *
 * <h2>Durability</h2>
 * The engine's inbox drops a second delivery of the same event id ({@code message:<id>},
 * {@code interaction:<id>}, {@code edit:<id>:<edit time>}). A reconnect that resumes gets the missed
 * events replayed; one that had to start a new session is logged as a warning naming the gap since the
 * last event and what may have been lost.
 */
package io.retainbot.discord;
