/**
 * RetainBot's core: the platform-neutral conversation engine, the dialogue flows, the domain
 * (customers, complaints, staff, outreach), the ports it needs from outside and their Jdbi
 * implementations. Nothing here knows Telegram, Discord or an HTTP server.
 */
package io.retainbot.core;
