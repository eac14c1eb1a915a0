/**
 * Time as an input: {@link io.retainbot.core.schedule.Timekeeper} keeps due events and recurring jobs in
 * db-scheduler on our database (cluster-safe, lock-and-fetch) and hands each due event to the engine
 * under its deterministic id; it also times broadcasts (one execution per broadcast for its occurrences,
 * one per running run for its sending, through the {@link io.retainbot.core.port.BroadcastTimetable}
 * port); {@link io.retainbot.core.schedule.Retention} prunes working rows in batches.
 */
package io.retainbot.core.schedule;
