package io.retainbot.core.port;

/**
 * The database cannot be reached right now (connection refused, pool exhausted, server shutting
 * down). Nothing was written; the same work may succeed later, so callers offer it again.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
