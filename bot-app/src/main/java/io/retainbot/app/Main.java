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
        // registered before the start, so that a SIGTERM or Ctrl-C while starting stops the embedded PostgreSQL too
        Lifecycle lifecycle = new Lifecycle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(lifecycle), "retainbot-shutdown"));
        try {
            RetainBot.start(AppConfig.fromEnvironment(System.getenv()), Clock.systemUTC(), Main::showAdminToken,
                    link -> System.out.println("Console set-up (works once, until the first admin exists): " + link),
                    lifecycle);
        } catch (RuntimeException failure) {
            if (lifecycle.stopping()) {
                // asked to stop while starting: whatever broke off is a consequence, not a fault; the shutdown hook
                // says so (the process ends when the hook does, perhaps before this thread would print)
                lifecycle.startEnded(false);
                return;
            }
            if (failure instanceof RetainBotException) {
                System.err.println("RetainBot cannot start: " + failure.getMessage());
            } else {
                LoggerFactory.getLogger(Main.class).debug("start-up failed", failure);
                System.err.println("RetainBot cannot start: " + failure.getClass().getSimpleName() + ": "
                        + failure.getMessage());
            }
            // also when the start never began (a bad setting): nothing is left for the shutdown hook to wait for
            lifecycle.startEnded(false);
            lifecycle.stop();
            System.exit(1);
        }
    }

    private static void stop(Lifecycle lifecycle) {
        if (lifecycle.stopped()) {
            return;
        }
        org.slf4j.Logger log = LoggerFactory.getLogger(RetainBot.class);
        log.info("RetainBot is stopping");
        lifecycle.stop();
        log.info("RetainBot stopped");
        if (!lifecycle.startedUp()) {
            System.err.println("RetainBot stopped during start-up (SIGTERM or Ctrl-C); nothing was left running");
        }
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
