/**
 * Use cases: what staff and schedules do (claim, answer, resolve, refer, reassign, reopen a complaint;
 * take and close a request for a person; keep the staff list; move customers between responsible staff
 * members; warn staff before a promise is missed; opt a customer out), one method each with an input
 * record that validates itself, called alike from the REST API, the staff chats and the console. Each
 * records its domain events in its transaction. The customer file and the service report (complaints, and outreach week by week) are read here too.
 */
package io.retainbot.core.usecase;
