package io.retainbot.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.app.StartupFailure;
import io.retainbot.app.config.AppConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database: an embedded PostgreSQL whose data persists under {@code DATA_DIR/postgres}
 * (the default), or the external server named by {@code DATABASE_URL}; either way behind a
 * HikariCP pool. Every way it can fail to start is turned into one line that says how to fix it.
 */
public final class DatabaseRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRuntime.class);
    private static final int POOL_SIZE = 20;

    private final Optional<EmbeddedPostgres> embedded;
    private final HikariDataSource pool;

    private DatabaseRuntime(Optional<EmbeddedPostgres> embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
    }

    public static DatabaseRuntime start(AppConfig config, MeterRegistry meters) {
        if (config.embeddedDatabase()) {
            EmbeddedPostgres postgres = startEmbedded(config.dataDir());
            try {
                return new DatabaseRuntime(Optional.of(postgres),
                        pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", meters, "DATA_DIR"));
            } catch (RuntimeException failure) {
                closeQuietly(postgres);
                throw failure;
            }
        }
        String url = config.databaseUrl().orElseThrow();
        return new DatabaseRuntime(Optional.empty(),
                pool(url, config.databaseUser(), config.databasePassword(), meters, "DATABASE_URL"));
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where the data is, for the start-up log line (never with a password). */
    public String description() {
        return embedded.map(postgres -> "embedded PostgreSQL on port " + postgres.getPort())
                .orElse("PostgreSQL at " + pool.getJdbcUrl());
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(DatabaseRuntime::closeQuietly);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        requireWritable(dataDir);
        try {
            log.info("starting embedded PostgreSQL with data in {}", directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException failure) {
            throw new StartupFailure(embeddedFailure(failure, directory), failure);
        }
    }

    private static String embeddedFailure(Throwable failure, Path directory) {
        String text = describe(failure);
        if (text.contains("cannot be run as root") || text.contains("unshare")) {
            return "embedded PostgreSQL cannot run as root on this machine (no working 'unshare'): run RetainBot "
                    + "as a normal user, or set DATABASE_URL to an external PostgreSQL";
        }
        if (text.contains("could not lock") || text.contains("already running") || text.contains("postmaster.pid")) {
            return "the embedded PostgreSQL data in " + directory + " is in use by another process: stop the other "
                    + "RetainBot, or set DATA_DIR to another directory";
        }
        return "embedded PostgreSQL did not start (" + firstLine(text) + "): check that DATA_DIR " + directory
                + " is on a local disk with free space, or set DATABASE_URL to an external PostgreSQL";
    }

    private static void requireWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (java.nio.file.FileSystemException denied) {
            throw new StartupFailure("DATA_DIR " + dataDir.toAbsolutePath() + " cannot be written (" + firstLine(
                    denied.getMessage()) + "): choose a writable directory with DATA_DIR=/path/to/data");
        } catch (IOException failure) {
            throw new StartupFailure("DATA_DIR " + dataDir.toAbsolutePath() + " cannot be written ("
                    + firstLine(describe(failure)) + "): choose a writable directory with DATA_DIR=/path/to/data");
        }
    }

    private static HikariDataSource pool(String url, String user, String password, MeterRegistry meters,
                                         String setting) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("retainbot");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        hikari.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        hikari.setMetricRegistry(meters);
        try {
            HikariDataSource pool = new HikariDataSource(hikari);
            try (Connection connection = pool.getConnection()) {
                connection.isValid(5);
            }
            return pool;
        } catch (SQLException | RuntimeException failure) {
            throw new StartupFailure(connectFailure(failure, url, user, setting), failure);
        }
    }

    private static String connectFailure(Throwable failure, String url, String user, String setting) {
        SQLException sql = cause(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL at " + url + " refused user \"" + user + "\" (wrong password or no access): "
                    + "check DATABASE_USER and DATABASE_PASSWORD";
        }
        if (state.equals("3D000")) {
            return "the database in " + setting + " (" + url + ") does not exist: create it or fix the name";
        }
        if (state.startsWith("08")) {
            return "cannot reach PostgreSQL at " + url + " (" + firstLine(describe(sql)) + "): check that it runs "
                    + "and that " + setting + " names the right host and port";
        }
        return "cannot use PostgreSQL at " + url + " (" + firstLine(describe(failure)) + "): check " + setting
                + ", DATABASE_USER and DATABASE_PASSWORD";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current.getMessage() != null) {
                text.append(current.getMessage()).append(' ');
            }
        }
        return text.toString().strip();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException failure) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", failure.getMessage());
        }
    }
}
