package io.retainbot.app;

import io.retainbot.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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

    /**
     * What the application still has to do, read from its database: the outbox messages not yet delivered,
     * the scheduled executions, where each conversation stands, the last events handled and the reactions
     * not yet done, with their attempts and last errors. For a failing wait's message, so
     * that a run that timed out says where the work stood.
     */
    public static String unfinishedWork(Map<String, String> env) {
        StringBuilder found = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(env.get("DATABASE_URL"), env.get("DATABASE_USER"),
                env.getOrDefault("DATABASE_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            rows(statement, found, "outbox not delivered", """
                    select id, platform, chat_id, lane, status, attempts, not_before, last_error,
                           left(message::text, 80) as message
                    from outbox where status <> 'delivered' order by id""");
            rows(statement, found, "outbox heads", "select * from outbox_chat order by due_at");
            rows(statement, found, "scheduled tasks", """
                    select task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
                           consecutive_failures from scheduled_tasks order by execution_time""");
            rows(statement, found, "conversations", """
                    select platform, chat_id, flow, state, updated_at from conversation order by updated_at""");
            rows(statement, found, "inbox, last ten", """
                    select event_id, kind, outcome, received_at from inbox order by handled_at desc limit 10""");
            rows(statement, found, "reactions not done", """
                    select d.event_id, e.kind, d.handler, d.status, d.attempts, d.not_before, d.last_error
                    from domain_event_delivery d join domain_event e on e.id = d.event_id
                    where d.status <> 'done' order by d.event_id""");
        } catch (SQLException e) {
            found.append("(could not read the database: ").append(e.getMessage()).append(')');
        }
        return found.toString();
    }

    private static void rows(Statement statement, StringBuilder found, String title, String sql) throws SQLException {
        found.append('\n').append(title).append(':');
        try (ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                found.append("\n  ");
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    found.append(columns.getColumnLabel(i)).append('=').append(rows.getString(i)).append(' ');
                }
            }
        }
    }
}
