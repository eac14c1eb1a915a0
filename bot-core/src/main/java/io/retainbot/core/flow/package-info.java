/**
 * The dialogue flows, one class each, reading top to bottom like the conversation, and where a chat
 * stands in them ({@link io.retainbot.core.flow.Conversation}). A flow is a function of (state, event,
 * now) that returns the replies, the next state and the commands for the engine to carry out; it does
 * no I/O of its own. Each {@link io.retainbot.core.flow.Flow} declares its state enum, its slash
 * commands ({@link io.retainbot.core.flow.ChatCommand}) and the buttons it understands in every state
 * ({@link io.retainbot.core.flow.GlobalButton}), each with its {@link io.retainbot.core.flow.Effect} on
 * a running flow; {@link io.retainbot.core.flow.Dialogue} routes by these declarations, so adding a
 * flow is one class, its catalog keys and a transcript test. Some conversations the bot starts itself
 * ({@link io.retainbot.core.flow.Dialogue#initiate}): the survey, the birthday question, the "still on it"
 * notice and the after-sales check-in ({@link io.retainbot.core.flow.CheckInFlow}, whose answers are
 * buttons that work at any time and leave the chat free).
 */
package io.retainbot.core.flow;
