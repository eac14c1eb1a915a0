package io.retainbot.app;

import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Environments for starting the whole application in tests. */
public final class AppTesting {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private AppTesting() {
    }

    /** An environment on a fresh database of the shared test PostgreSQL and a free port. */
    public static Map<String, String> externalDatabase() {
        String name = "app_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", TestDatabase.server().getJdbcUrl("postgres", name));
        env.put("DATABASE_USER", "postgres");
        env.put("HTTP_PORT", String.valueOf(freePort()));
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        return env;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
