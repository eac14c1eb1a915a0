/**
 * The dialogue flows, one class each, reading top to bottom like the conversation, and where a chat
 * stands in them ({@link io.retainbot.core.flow.Conversation}). A flow is a function of (state, event,
 * now) that returns the replies, the next state and the commands for the engine to carry out; it does
 * no I/O of its own. Each {@link io.retainbot.core.flow.Flow} declares its state enum, its slash
 * commands ({@link io.retainbot.core.flow.ChatCommand}) and the buttons it understands in every state
 * ({@link io.retainbot.core.flow.GlobalButton}), each with its {@link io.retainbot.core.flow.Effect} on
 * a running flow; {@link io.retainbot.core.flow.Dialogue} routes by these declarations, so adding a
 * flow is one class, its catalog keys and a transcript test.
 */
package io.retainbot.core.flow;
