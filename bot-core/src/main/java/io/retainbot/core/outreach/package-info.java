/**
 * Outreach: what marketers use to keep in touch with customers. Segments (saved filters over the
 * customer file, counted in the database before anything is sent), templates (a message per language
 * and tone with placeholders, falling back to the default language, never empty, with an optional
 * photo kept by {@link io.retainbot.core.outreach.Photos}), calendar rules as a
 * marketer says them, birthday greeting times, personal offer codes, and the customer file as CSV
 * for import and export. Records and rules here are pure; the use cases ({@link
 * io.retainbot.core.outreach.Segments}, {@link io.retainbot.core.outreach.Templates}, {@link
 * io.retainbot.core.outreach.Offers}, {@link io.retainbot.core.outreach.CustomerImport}, {@link
 * io.retainbot.core.outreach.CustomerExport}, {@link io.retainbot.core.outreach.Broadcasts}, {@link
 * io.retainbot.core.outreach.Greetings}, {@link io.retainbot.core.outreach.OutreachReport}) work through the ports and are called alike from the REST API
 * and from the timetable, which drives the {@link io.retainbot.core.outreach.BroadcastRunner}.
 */
package io.retainbot.core.outreach;
