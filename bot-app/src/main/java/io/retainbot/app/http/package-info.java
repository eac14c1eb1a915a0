/**
 * The HTTP server: health and metrics for operators, the web chat for visitors, and the REST API
 * (behind the admin token) for the business's own tools.
 */
package io.retainbot.app.http;
