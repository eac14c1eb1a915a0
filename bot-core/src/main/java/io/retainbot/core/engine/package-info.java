/**
 * The one door: {@link io.retainbot.core.engine.ConversationEngine} accepts an event, records it in
 * the inbox (a second delivery is a no-op), locks the conversation, lets the dialogue decide, carries
 * out the commands and puts the replies in the outbox, all in one transaction (for a known customer's
 * message, two statements and the commit: {@link io.retainbot.core.port.EventIntake}). An engine built with
 * committers (not the default) lets customer events of different chats that arrive together share one
 * transaction and one commit ({@code GroupCommit}: whatever waits when a committer is free, never waiting for
 * more; on any failure the group is rolled back and each event handled alone). Due events (a survey,
 * a greeting) enter through {@link io.retainbot.core.engine.ConversationEngine#acceptDue} the same way,
 * deduplicated by their deterministic id, and start a conversation without interrupting a busy customer.
 * Events from the staff chats enter the same door: {@code StaffDesk} turns a staff member's button on a
 * ping, an answer under a ping and a staff command into the same use cases the REST API calls, in the
 * event's transaction, and refuses (with nothing written but the inbox row) whoever is not active staff.
 * The engine holds those use cases ({@link io.retainbot.core.engine.ConversationEngine#complaintCare},
 * {@link io.retainbot.core.engine.ConversationEngine#handoverCare}); the REST API calls the same objects.
 * "Cannot help" offers the referral directory as buttons to pick from ({@code ReferralPicker}).
 */
package io.retainbot.core.engine;
