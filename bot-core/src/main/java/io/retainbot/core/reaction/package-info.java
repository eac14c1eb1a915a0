/**
 * Reactions to domain events: {@link io.retainbot.core.reaction.Reactions} records an event with a
 * pending delivery per reaction, in the transaction of the change; {@link io.retainbot.core.reaction.ReactionRelay}
 * runs each delivery later, at least once, its effects and its "done" in one transaction.
 */
package io.retainbot.core.reaction;
