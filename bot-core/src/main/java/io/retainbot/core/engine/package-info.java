/**
 * The one door: {@link io.retainbot.core.engine.ConversationEngine} accepts an event, records it in
 * the inbox (a second delivery is a no-op), locks the conversation, lets the dialogue decide, carries
 * out the commands and puts the replies in the outbox, all in one transaction.
 */
package io.retainbot.core.engine;
