package io.retainbot.core.outbox;

import java.util.Locale;

/**
 * Outbox lanes in priority order: a reply to a customer who just wrote never waits behind staff
 * pings, and neither waits behind bulk greetings or broadcasts. Stored by name.
 */
public enum Lane {
    REPLY,
    STAFF,
    BULK;

    /** The name in the database: {@code reply}, {@code staff}, {@code bulk}. */
    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lane fromStoredName(String name) {
        for (Lane lane : values()) {
            if (lane.storedName().equals(name)) {
                return lane;
            }
        }
        throw new IllegalArgumentException("no outbox lane named '" + name + "'");
    }
}
