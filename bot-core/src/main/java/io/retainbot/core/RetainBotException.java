package io.retainbot.core;

/**
 * The one unchecked root for bugs and infrastructure failures. Expected outcomes (a blocked user,
 * a rate limit, a duplicate event) are values, never exceptions.
 */
public class RetainBotException extends RuntimeException {
    public RetainBotException(String message) {
        super(message);
    }

    public RetainBotException(String message, Throwable cause) {
        super(message, cause);
    }
}
