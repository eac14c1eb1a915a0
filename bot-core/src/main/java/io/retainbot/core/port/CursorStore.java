package io.retainbot.core.port;

import java.util.Optional;

/** Named positions in an external stream, such as the Telegram update offset, kept with the data. */
public interface CursorStore {
    Optional<String> find(String name);

    void save(String name, String position);
}
