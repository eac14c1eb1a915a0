/**
 * The web console for staff, mounted by bot-app under {@code /console}: sign-in and set-up, accounts,
 * and the pages staff work in (complaints, customers asking for a person and the talk with them, customers,
 * for marketers and admins the marketing section,
 * and the service report, whose charts each role sees as its work allows), rendered on the server from
 * precompiled JTE templates, with htmx for the parts that refresh and Chart.js for the report's charts
 * (both served from their WebJars by the app itself). It calls bot-core's use cases and ports, never the store
 * (an architecture test keeps it so).
 */
package io.retainbot.console;
