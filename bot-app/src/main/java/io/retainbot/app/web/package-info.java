/**
 * The web chat: the third channel, which works on the embedded default with no platform tokens.
 * A visitor's browser holds a session cookie; what they type or press becomes an inbound event,
 * and the bot's replies are delivered into a table the page polls.
 */
package io.retainbot.app.web;
