package io.retainbot.app;

import io.retainbot.app.config.AppConfig;
import io.retainbot.app.logging.MaskedMessageConverter;
import io.retainbot.core.RetainBotException;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/** Starts RetainBot from the environment; a bad setting ends the process with one line that says how to fix it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.getenv().forEach((name, value) -> {
            if (name.endsWith("TOKEN") || name.endsWith("PASSWORD") || name.endsWith("SECRET")) {
                MaskedMessageConverter.mask(value);
            }
        });
        RetainBot bot;
        try {
            bot = RetainBot.start(AppConfig.fromEnvironment(System.getenv()), Clock.systemUTC(), Main::showAdminToken,
                    link -> System.out.println("Console set-up (works once, until the first admin exists): " + link));
        } catch (RetainBotException failure) {
            System.err.println("RetainBot cannot start: " + failure.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException unexpected) {
            LoggerFactory.getLogger(Main.class).debug("start-up failed", unexpected);
            System.err.println("RetainBot cannot start: " + unexpected.getClass().getSimpleName() + ": "
                    + unexpected.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "retainbot-shutdown"));
    }

    private static void showAdminToken(String token) {
        System.out.println();
        System.out.println("  No ADMIN_TOKEN was set, so RetainBot generated one. It is shown only this once:");
        System.out.println();
        System.out.println("      " + token);
        System.out.println();
        System.out.println("  Use it as 'Authorization: Bearer <token>' for /api, or set ADMIN_TOKEN to choose your own.");
        System.out.println();
    }
}
