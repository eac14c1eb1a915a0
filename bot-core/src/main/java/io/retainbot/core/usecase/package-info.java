/**
 * Use cases: what staff and schedules do (claim, answer, resolve, refer, reassign, reopen a complaint;
 * opt a customer out), one method each with an input record that validates itself, called alike from
 * the REST API, the staff chats and the console. Each records its domain events in its transaction.
 */
package io.retainbot.core.usecase;
