/**
 * Domain events: past-tense facts ({@code ComplaintFiled}, {@code ConsentWithdrawn}) recorded in the
 * transaction of the change they describe. The kinds of events live with their subject
 * ({@code complaint}, {@code customer}); this package holds what they share and the facts about
 * bot-initiated contact.
 */
package io.retainbot.core.event;
