package io.retainbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.app.config.AppConfig;
import java.io.IOException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupFailureIT {
    @TempDir
    Path directory;

    @Test
    void saysWhenTheHttpPortIsInUse() throws IOException {
        Map<String, String> env = AppTesting.externalDatabase();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            env.put("HTTP_PORT", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> start(env))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessage("HTTP_PORT " + taken.getLocalPort() + " is already in use: stop what uses it or set "
                            + "HTTP_PORT to a free port");
        }
    }

    @Test
    void saysWhenTheDatabaseCannotBeReached() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + AppTesting.freePort() + "/shop");

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:")
                .hasMessageEndingWith("check that it runs and that DATABASE_URL names the right host and port")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
    }

    @Test
    void saysWhenThePasswordIsWrong() throws Exception {
        try (EmbeddedPostgres guarded = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dataDirectory -> requirePasswords(dataDirectory.toPath()))
                .start()) {
            try (Connection connection = guarded.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create role shop login password 'the-right-password'");
            }
            Map<String, String> env = Map.of("DATABASE_URL", guarded.getJdbcUrl("shop", "postgres"),
                    "DATABASE_USER", "shop", "DATABASE_PASSWORD", "a-wrong-password",
                    "HTTP_PORT", String.valueOf(AppTesting.freePort()));

            assertThatThrownBy(() -> start(env))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("refused user \"shop\" (wrong password or no access)")
                    .hasMessageEndingWith("check DATABASE_USER and DATABASE_PASSWORD")
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("a-wrong-password"));
        }
    }

    /** The superuser may connect without a password (to set up the test); everyone else needs one. */
    private static void requirePasswords(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void saysWhenTheDatabaseDoesNotExist() {
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("DATABASE_URL", env.get("DATABASE_URL").replaceAll("/app_[0-9_]+", "/no_such_database"));

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesADatabaseANewerVersionMigratedAndSaysWhatToDo() throws Exception {
        Map<String, String> env = AppTesting.externalDatabase();
        start(env).close();
        try (Connection connection = java.sql.DriverManager.getConnection(env.get("DATABASE_URL"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    values (1000, '999', 'a later release', 'SQL', 'V999__a_later_release.sql', 1, 'postgres', 1, true)""");
        }

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(io.retainbot.core.RetainBotException.class)
                .hasMessageStartingWith("the database was migrated by a newer RetainBot (schema version 999; "
                        + "this version knows up to ")
                .hasMessageEndingWith("): start the newer RetainBot again, or restore the backup taken before the upgrade")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
    }

    @Test
    void saysWhenTheDataDirectoryCannotBeWritten() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("data"), "a file, not a directory");
        Map<String, String> env = Map.of("DATA_DIR", notADirectory.toString(), "HTTP_PORT",
                String.valueOf(AppTesting.freePort()));

        assertThatThrownBy(() -> start(env))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("DATA_DIR " + notADirectory.toAbsolutePath() + " cannot be written")
                .hasMessageEndingWith("choose a writable directory with DATA_DIR=/path/to/data");
    }

    @Test
    void namesTheBadKeyOfTheBusinessFile() throws IOException {
        Path business = Files.writeString(directory.resolve("shop.yml"), "company: A\nopening: always\n");
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("BUSINESS_CONFIG", business.toString());

        assertThatThrownBy(() -> start(env))
                .hasMessageContaining("opening is not a known key");
    }

    private static RetainBot start(Map<String, String> env) {
        return RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { });
    }
}
