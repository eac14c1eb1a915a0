package io.retainbot.app;

import io.retainbot.core.RetainBotException;

/** Start-up cannot go on. The message is one line for the operator: what is wrong and how to fix it. */
public final class StartupFailure extends RetainBotException {
    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
