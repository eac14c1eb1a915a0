/**
 * The web console for staff, mounted by bot-app under {@code /console}: sign-in and set-up, accounts,
 * and the pages staff work in (complaints, customers, and for marketers and admins the marketing
 * section), rendered on the server from precompiled JTE templates, with htmx (served from its WebJar by
 * the app itself) for the parts that refresh. It calls bot-core's use cases and ports, never the store
 * (an architecture test keeps it so).
 */
package io.retainbot.console;
