package io.retainbot.core.port;

import java.util.Optional;

/** Small named values the application keeps for itself (for example the generated admin token). */
public interface SettingStore {
    Optional<String> find(String name);

    void put(String name, String value);

    /** Stores the value only if none is stored yet; returns the value that is stored afterwards. */
    String putIfAbsent(String name, String value);
}
