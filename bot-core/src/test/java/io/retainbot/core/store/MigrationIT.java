package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigrationIT {
    @Test
    void buildsTheWholeSchemaFromAnEmptyDatabaseAndThenHasNothingLeftToDo() throws SQLException {
        DataSource empty = emptyDatabase();

        Database.on(empty).migrate();
        List<String> tables = tables(empty);
        int applied = count(empty, "select count(*) from flyway_schema_history where success");
        Database.on(empty).migrate();

        assertThat(tables).contains("customer", "channel_identity", "customer_tag", "staff", "staff_identity",
                "interaction", "inbox", "conversation", "outbox", "complaint", "complaint_attachment",
                "complaint_note", "suggestion", "handover_request", "web_message", "setting", "stream_cursor");
        assertThat(count(empty, "select count(*) from flyway_schema_history where success")).isEqualTo(applied);
        assertThat(Database.on(empty).isReachable()).isTrue();
    }

    private static DataSource emptyDatabase() throws SQLException {
        String name = "migration_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return TestDatabase.server().getDatabase("postgres", name);
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
