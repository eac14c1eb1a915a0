/**
 * Reactions to domain events: {@link io.retainbot.core.reaction.Reactions} records an event with a
 * pending delivery per reaction, in the transaction of the change; {@link io.retainbot.core.reaction.ReactionRelay}
 * runs each delivery later, at least once, its effects and its "done" in one transaction. Among them:
 * {@link io.retainbot.core.reaction.PingStaff} posts a new complaint, a request for a person and a low
 * score to the staff chats, {@link io.retainbot.core.reaction.ShowStaffProgress} edits those pings as
 * things move, and {@link io.retainbot.core.reaction.ShowPhotosToStaff} posts a complaint's photos under its
 * ping once the ping is out; {@link io.retainbot.core.reaction.StaffChats} is how the bot writes to the staff chats;
 * {@link io.retainbot.core.reaction.PlanCheckIns} plans the after-sales check-ins after a purchase or a
 * resolution, {@link io.retainbot.core.reaction.ScheduleCheckIn} schedules each once its row committed, and
 * {@link io.retainbot.core.reaction.NoteSkippedCheckIn} notes one that could not be sent.
 */
package io.retainbot.core.reaction;
