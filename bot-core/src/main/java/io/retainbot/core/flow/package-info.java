/**
 * The dialogue flows, one class each, reading top to bottom like the conversation, and where a chat
 * stands in them ({@link io.retainbot.core.flow.Conversation}). A flow is a function of (state, event,
 * now) that returns the replies, the next state and the commands for the engine to carry out; it does
 * no I/O of its own.
 */
package io.retainbot.core.flow;
