package io.retainbot.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.app.config.AppConfig;
import io.retainbot.core.testing.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database as the running bot sees it: through the pool, while the embedded server hangs or dies. */
class DatabaseRuntimeIT {
    @TempDir
    Path dataDir;

    @Test
    void reportsAHungDatabaseAsDownAndUpAgainWhenItAnswers() throws Exception {
        try (DatabaseRuntime runtime = start()) {
            assertThat(runtime.isHealthy()).isTrue();
            List<ProcessHandle> server = serverProcesses();

            signal("STOP", server);
            try {
                Await.until(() -> !runtime.isHealthy(), Duration.ofSeconds(30), () -> "(still healthy while hung)");
            } finally {
                signal("CONT", server);
            }

            Await.until(runtime::isHealthy, Duration.ofSeconds(60), () -> "(not healthy after the hang ended)");
            assertThat(query(runtime)).isEqualTo(1);
        }
    }

    @Test
    void resumesByItselfWhenTheEmbeddedServerDiedAndWasStartedAgain() throws Exception {
        try (DatabaseRuntime runtime = start()) {
            assertThat(query(runtime)).isEqualTo(1);
            ProcessHandle postmaster = serverProcesses().get(0);

            postmaster.destroyForcibly();

            Await.until(() -> !postmaster.isAlive());
            Await.until(() -> {
                try {
                    return query(runtime) == 1;
                } catch (SQLException notYet) {
                    return false;
                }
            }, Duration.ofSeconds(60), () -> "(the pool never worked again)");
            // health is what the database answered lately: it turns up at its next look, not at this query
            Await.until(runtime::isHealthy, Duration.ofSeconds(30), () -> "(the pool works, the health stays down)");
        }
    }

    private DatabaseRuntime start() {
        return DatabaseRuntime.start(AppConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())),
                new SimpleMeterRegistry());
    }

    /** The postmaster first, then its children (the backends the pool talks to). */
    private List<ProcessHandle> serverProcesses() {
        long pid = PostmasterPidFile.read(dataDir.resolve("postgres")).orElseThrow().pid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        all.addAll(postmaster.descendants().toList());
        return all;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(String.valueOf(process.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static int query(DatabaseRuntime runtime) throws SQLException {
        try (Connection connection = runtime.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
