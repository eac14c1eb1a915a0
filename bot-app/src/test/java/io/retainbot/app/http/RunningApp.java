package io.retainbot.app.http;

import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole application for one test class: started before its first test on a fresh database of the shared
 * test PostgreSQL (with the settings given here on top of {@link AppTesting#externalDatabase()}), stopped
 * after its last. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningApp APP = RunningApp.on(CLOCK).with("SURVEY_DELAY_MINUTES", "0");
 * }</pre>
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private final Map<String, Supplier<String>> settings = new LinkedHashMap<>();
    private Map<String, String> environment;
    private RetainBot bot;
    private AdminApi api;

    private RunningApp(Clock clock) {
        this.clock = clock;
    }

    /** The application on {@code clock} (a movable one for tests of time). */
    public static RunningApp on(Clock clock) {
        return new RunningApp(clock);
    }

    /** The application on the system clock. */
    public static RunningApp onSystemClock() {
        return on(Clock.systemUTC());
    }

    /** One more environment setting, as the README names it. */
    public RunningApp with(String name, String value) {
        return with(name, () -> value);
    }

    /** One more environment setting, worked out at start (for example a file written then). */
    public RunningApp with(String name, Supplier<String> value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> env = AppTesting.externalDatabase();
        settings.forEach((name, value) -> env.put(name, value.get()));
        environment = Map.copyOf(env);
        bot = RetainBot.start(AppConfig.fromEnvironment(env), clock, token -> { });
        api = new AdminApi(bot.httpPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    public RetainBot bot() {
        return started();
    }

    /** The admin REST API with the tests' admin token. */
    public AdminApi api() {
        started();
        return api;
    }

    /** The environment it was started with (its database among it). */
    public Map<String, String> environment() {
        started();
        return environment;
    }

    public int port() {
        return started().httpPort();
    }

    private RetainBot started() {
        if (bot == null) {
            throw new IllegalStateException("the application runs only while the test class runs");
        }
        return bot;
    }
}
