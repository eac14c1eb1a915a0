/**
 * The platform-neutral conversation vocabulary and engine: inbound events, outbound messages,
 * send outcomes, lanes, and the engine that turns one into the other exactly once.
 */
package io.retainbot.core.conversation;
