package io.retainbot.app.config;

import io.retainbot.core.RetainBotException;

/** A setting is wrong. The message is one line for the operator: which setting, what is wrong, how to fix it. */
public final class ConfigException extends RetainBotException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
