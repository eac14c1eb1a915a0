package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises about crashes, kept by the real jar on its embedded default: killed ({@code kill -9})
 * or stopped (SIGTERM) while customers write in the web chat, then started again with the same
 * command on the same DATA_DIR.
 */
class CrashRestartIT {
    private static final int CUSTOMERS = 6;
    private static final int MESSAGES_EACH = 40;
    private static final int CONFIRMED_BEFORE_THE_END = 30;
    private static final int SENDS_IN_FLIGHT_AT_MOST = 16;

    @TempDir
    Path directory;

    @RegisterExtension
    final StartedJars jars = new StartedJars();

    @Test
    void killedWhileCustomersWriteIsHealthyAgainSoonAndHandlesEveryConfirmedMessageOnce() throws Exception {
        Restart restart = stopWhileCustomersWrite(Process::destroyForcibly, Duration.ofSeconds(30));

        // The promise is 15 s. The time is printed, not asserted (on a starved machine the JVM alone may take
        // longer); what is asserted is that nothing on the way up waits for a clock: the server the killed jar
        // left running is recognised at once and stopped, and nothing waits for a timeout, a lease or a retry.
        System.out.println("CrashRestartIT: healthy " + restart.second().sinceStart().toMillis() + " ms after the "
                + "restart that followed kill -9");
        assertRestartWaitedForNoClock(restart.second().output());

        try (Connection database = JarProcess.database(dataDir())) {
            assertThat(single(database, "show fsync")).isEqualTo("on");
            assertThat(single(database, "show synchronous_commit")).isEqualTo("on");
            assertHandledExactlyOnce(database, restart.confirmed());
            awaitNothingWaiting(database);
            assertThat(count(database, DELIVERED_WITHOUT_MESSAGE)).isZero();
            assertThat(count(database, MESSAGES_SENT_TWICE)).isLessThanOrEqualTo(SENDS_IN_FLIGHT_AT_MOST);
        }
    }

    @Test
    void stoppedWhileCustomersWriteLosesNothingRepeatsNothingAndHoldsNothing() throws Exception {
        Restart restart = stopWhileCustomersWrite(Process::destroy, Duration.ofSeconds(60));

        assertThat(restart.first().output()).contains("RetainBot stopped");
        try (Connection database = JarProcess.database(dataDir())) {
            assertHandledExactlyOnce(database, restart.confirmed());
            assertThat(count(database, "select count(*) from outbox where status = 'sending' and claimed_at < ?",
                    Timestamp.from(restart.restartedAt()))).as("sends left in flight by the stopped process").isZero();
            awaitNothingWaiting(database);
            assertThat(count(database, DELIVERED_WITHOUT_MESSAGE)).isZero();
            assertThat(count(database, MESSAGES_SENT_TWICE)).isZero();
        }
    }

    /** The jar before and after, what the customers were told was received, and when the second jar started. */
    private record Restart(JarProcess first, JarProcess second, Set<String> confirmed, Instant restartedAt) {
    }

    /**
     * Starts the jar, has customers write in the web chat, stops the jar the given way once enough
     * messages were confirmed, and starts it again with the same environment, healthy.
     */
    private Restart stopWhileCustomersWrite(Consumer<Process> stop, Duration stopWithin)
            throws Exception {
        Map<String, String> env = environment();
        JarProcess first = jars.start(env, "first.log");
        first.awaitHealth(Duration.ofSeconds(90));
        Set<String> confirmed;
        try (WebChatLoad load = WebChatLoad.start(first.httpPort(), CUSTOMERS, MESSAGES_EACH)) {
            Await.until(() -> load.confirmedCount() >= CONFIRMED_BEFORE_THE_END);

            stop.accept(first.process());
            assertThat(first.process().waitFor(stopWithin.toSeconds(), TimeUnit.SECONDS)).isTrue();
            load.close();
            confirmed = load.confirmed();
        }
        Instant restartedAt = Instant.now();
        JarProcess second = jars.start(env, "second.log");
        second.awaitHealth(Duration.ofSeconds(90));
        return new Restart(first, second, confirmed, restartedAt);
    }

    private static final String DELIVERED_WITHOUT_MESSAGE = """
            select count(*) from outbox o
             where o.platform = 'web' and o.status = 'delivered'
               and not exists (select 1 from web_message w where w.id::text = o.platform_message_id)
            """;

    /** Web messages no delivered outbox row points at: a send repeated after it had already happened. */
    private static final String MESSAGES_SENT_TWICE = """
            select count(*) from web_message w
             where w.author = 'bot' and not exists (select 1 from outbox o where o.platform = 'web' and o.platform_message_id = w.id::text)
            """;

    /** Lines of a start-up that would mean it waited for time to pass rather than for something to happen. */
    private static final Pattern WAITED_FOR_A_CLOCK = Pattern.compile(
            "(?i)retrying|could not be started|still runs|timed out|time-out|timeout|waiting for|lease");

    /** The restart's own log up to "ready": the leftover server found and stopped, no wait for a clock. */
    private static void assertRestartWaitedForNoClock(String output) {
        List<String> startUp = new ArrayList<>();
        for (String line : output.lines().toList()) {
            startUp.add(line);
            if (line.contains(" is ready")) {
                break;
            }
        }
        assertThat(startUp).as("the restart's log").anyMatch(line -> line.contains(" is ready"));
        assertThat(startUp).as("the PostgreSQL the killed jar left running, recognised from postmaster.pid")
                .anyMatch(line -> line.contains("that an earlier RetainBot left running"));
        assertThat(startUp).as("nothing on the way up waits for a timeout, a lease or a retry")
                .noneMatch(line -> WAITED_FOR_A_CLOCK.matcher(line).find());
        System.out.println("CrashRestartIT: the restart's log up to ready:\n  " + String.join("\n  ", startUp));
    }

    private void assertHandledExactlyOnce(Connection database, Set<String> confirmed) throws SQLException {
        assertThat(confirmed).hasSizeGreaterThanOrEqualTo(CONFIRMED_BEFORE_THE_END);
        List<String> missing = new ArrayList<>();
        try (PreparedStatement handled = database.prepareStatement(
                "select count(*) from inbox where platform = 'web' and event_id like ?")) {
            for (String id : confirmed) {
                handled.setString(1, "%:" + id);
                try (ResultSet result = handled.executeQuery()) {
                    result.next();
                    if (result.getLong(1) != 1) {
                        missing.add(id + " x" + result.getLong(1));
                    }
                }
            }
        }
        assertThat(missing).as("confirmed events not handled exactly once").isEmpty();
    }

    /**
     * Waits until every reply went out. A send the killed process had under way is handed back when
     * its claim runs out (the outbox's lease; two minutes before claims carried a lease), hence the
     * generous bound.
     */
    private static void awaitNothingWaiting(Connection database) {
        Await.until(() -> {
            try {
                return count(database, "select count(*) from outbox where status in ('pending', 'sending')") == 0;
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }, Duration.ofMinutes(3), () -> "(replies still waiting in the outbox)");
    }

    private Map<String, String> environment() {
        return Map.of("DATA_DIR", dataDir().toString(), "HTTP_PORT", String.valueOf(AppTesting.freePort()),
                "ADMIN_TOKEN", AppTesting.ADMIN_TOKEN);
    }

    private Path dataDir() {
        return directory.resolve("data");
    }

    private static String single(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long count(Connection database, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
