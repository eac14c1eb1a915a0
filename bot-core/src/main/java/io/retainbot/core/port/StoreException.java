package io.retainbot.core.port;

import io.retainbot.core.RetainBotException;

/** The database could not be reached or refused a statement. */
public class StoreException extends RetainBotException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
