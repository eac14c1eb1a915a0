package io.retainbot.core.outbox;

/**
 * Outbox lanes in priority order: a reply to a customer who just wrote never waits behind staff
 * pings, and neither waits behind bulk greetings or broadcasts.
 */
public enum Lane {
    REPLY,
    STAFF,
    BULK
}
