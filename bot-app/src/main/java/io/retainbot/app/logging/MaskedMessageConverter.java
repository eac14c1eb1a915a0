package io.retainbot.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The log message with every registered secret replaced by {@code ***}: a last line of defence so
 * that a token can never reach the log, even if a library prints a URL that contains it.
 */
public final class MaskedMessageConverter extends MessageConverter {
    private static final int MIN_SECRET = 8;
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    /** Masks {@code secret} in every later log line. Short values are ignored (they would mask ordinary words). */
    public static void mask(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET) {
            SECRETS.add(secret);
        }
    }

    @Override
    public String convert(ILoggingEvent event) {
        return masked(super.convert(event));
    }

    static String masked(String message) {
        String result = message;
        for (String secret : SECRETS) {
            if (result.contains(secret)) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }
}
