/**
 * The vocabulary every part of RetainBot speaks, importing nothing else of ours: where a message
 * comes from ({@link io.retainbot.core.chat.ChannelRef}, {@link io.retainbot.core.chat.Sender}), what
 * came in ({@link io.retainbot.core.chat.InboundEvent}), what goes out
 * ({@link io.retainbot.core.chat.OutboundMessage}, with a {@link io.retainbot.core.chat.Photo} named by where
 * it lives) and how a send ended
 * ({@link io.retainbot.core.chat.SendOutcome}). Adapters translate their platform into these values
 * at the boundary.
 */
package io.retainbot.core.chat;
