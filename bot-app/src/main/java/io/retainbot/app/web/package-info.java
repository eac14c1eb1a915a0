/**
 * The web chat: the third channel, which works on the embedded default with no platform tokens.
 * The server issues each visitor a session (a random secret in an HttpOnly cookie; the chat is named
 * by a hash of it). What they type, press or upload is written into their transcript and becomes an
 * inbound event; the bot's replies are delivered into the same transcript, which the page polls, so a
 * reload shows both sides in order. Uploads (photos, PDF) are checked by content and kept in the
 * database. {@code embed.js} puts the chat on a business's own site as a bubble.
 */
package io.retainbot.app.web;
