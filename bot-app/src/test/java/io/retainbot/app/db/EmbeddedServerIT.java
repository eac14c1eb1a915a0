package io.retainbot.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.app.StartupFailure;
import io.retainbot.core.testing.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server of the runnable: durable, password-protected, upgraded in place, restarted when it dies. */
class EmbeddedServerIT {
    @TempDir
    Path dataDir;

    @Test
    void runsDurablyOnLoopbackOnlyAndRequiresThePasswordKeptForTheOwner() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            try (Connection connection = connect(server, server.password())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(connection, "unix_socket_directories"))
                        .isIn(dataDir.resolve("postgres").toAbsolutePath().toString(), "");
            }
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "not-the-password")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedServer.PASSWORD_FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(dataDir.resolve(EmbeddedServer.PASSWORD_FILE)).strip())
                    .isEqualTo(server.password());
        }
    }

    @Test
    void upgradesADataDirectoryOfTheEarlierVersionInPlaceWithNothingLost() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table complaint_kept (id int primary key, text text)");
            statement.execute("insert into complaint_kept values (1, 'charged twice')");
        }

        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            try (Connection connection = connect(server, server.password());
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("select text from complaint_kept where id = 1")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("charged twice");
            }
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                    .doesNotContain("trust");
        }
    }

    @Test
    void keepsItsPasswordAcrossRestarts() throws Exception {
        String first;
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            first = server.password();
        }
        try (EmbeddedServer server = EmbeddedServer.start(dataDir);
             Connection connection = connect(server, first)) {
            assertThat(server.password()).isEqualTo(first);
            assertThat(setting(connection, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void refusesADataDirectoryInUseByAnotherRetainBot() {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedServer.start(dataDir))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("is in use by another running RetainBot");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void startsTheServerAgainWhenItDies() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            try (Connection connection = connect(server, server.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table survived (id int)");
                statement.execute("insert into survived values (7)");
            }
            server.watch();
            long pid = PostmasterPidFile.read(dataDir.resolve("postgres")).orElseThrow().pid();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            Await.until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            Await.until(() -> answers(server), Duration.ofSeconds(60), () -> "(the server was not started again)");
            try (Connection connection = connect(server, server.password());
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("select id from survived")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(7);
            }
            assertThat(PostmasterPidFile.read(dataDir.resolve("postgres")).orElseThrow().pid()).isNotEqualTo(pid);
        }
    }

    private static boolean answers(EmbeddedServer server) {
        try (Connection connection = connect(server, server.password())) {
            return connection.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static Connection connect(EmbeddedServer server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedServer.USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
