package io.retainbot.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.retainbot.app.StartupFailure;
import io.retainbot.app.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database: an embedded PostgreSQL whose data persists under {@code DATA_DIR/postgres}
 * (the default; see {@link EmbeddedServer}), or the external server named by {@code DATABASE_URL};
 * either way behind a HikariCP pool whose connections time out (connect, statement, socket) so that
 * a database in trouble is seen within seconds and the pool recovers by itself when it is back.
 * Every way it can fail to start is turned into one line that says how to fix it.
 */
public final class DatabaseRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRuntime.class);
    private static final int POOL_SIZE = 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration HEALTH_ANSWER = Duration.ofMillis(800);
    private static final Duration HEALTH_REUSE = Duration.ofSeconds(1);

    private final Optional<EmbeddedServer> embedded;
    private final HikariDataSource pool;
    private final DataSource migrations;
    private final DatabaseHealth health;

    private DatabaseRuntime(Optional<EmbeddedServer> embedded, HikariDataSource pool, DataSource migrations) {
        this.embedded = embedded;
        this.pool = pool;
        this.migrations = migrations;
        this.health = new DatabaseHealth(this::answers, HEALTH_ANSWER, HEALTH_REUSE);
    }

    public static DatabaseRuntime start(AppConfig config, MeterRegistry meters) {
        if (config.embeddedDatabase()) {
            EmbeddedServer server = startEmbedded(config.dataDir());
            try {
                HikariDataSource pool = pool(server.jdbcUrl(), EmbeddedServer.USER, server.password(), meters,
                        "DATA_DIR");
                server.watch();
                return new DatabaseRuntime(Optional.of(server), pool,
                        unpooled(server.jdbcUrl(), EmbeddedServer.USER, server.password()));
            } catch (RuntimeException failure) {
                server.close();
                throw failure;
            }
        }
        String url = config.databaseUrl().orElseThrow();
        return new DatabaseRuntime(Optional.empty(),
                pool(url, config.databaseUser(), config.databasePassword(), meters, "DATABASE_URL"),
                unpooled(url, config.databaseUser(), config.databasePassword()));
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Connections without statement or socket timeouts, for schema migrations that may take long. */
    public DataSource migrationDataSource() {
        return migrations;
    }

    /** Whether the database answered lately; never waits longer than about a second. */
    public boolean isHealthy() {
        return health.isUp();
    }

    /** Where the data is, for the start-up log line (never with a password). */
    public String description() {
        return embedded.map(server -> "embedded PostgreSQL on 127.0.0.1:" + server.port())
                .orElse("PostgreSQL at " + pool.getJdbcUrl());
    }

    /** Closes the pool, then stops the embedded server: call after everything that uses the database stopped. */
    @Override
    public void close() {
        health.close();
        pool.close();
        embedded.ifPresent(EmbeddedServer::close);
    }

    private boolean answers() {
        if (embedded.isPresent() && !embedded.get().isRunning()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) HEALTH_REUSE.toSeconds() + 1);
        } catch (SQLException | RuntimeException failure) {
            return false;
        }
    }

    private static EmbeddedServer startEmbedded(Path dataDir) {
        requireWritable(dataDir);
        log.info("starting embedded PostgreSQL with data in {}", dataDir.resolve("postgres").toAbsolutePath());
        return EmbeddedServer.start(dataDir);
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
        hikari.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        hikari.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        hikari.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        hikari.addDataSourceProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
        hikari.setConnectionInitSql("set statement_timeout = " + STATEMENT_TIMEOUT.toMillis());
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

    private static DataSource unpooled(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setConnectTimeout((int) CONNECT_TIMEOUT.toSeconds());
        return source;
    }
}
