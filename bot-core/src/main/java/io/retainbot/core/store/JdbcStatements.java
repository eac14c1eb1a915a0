package io.retainbot.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PGobject;

/**
 * Plain JDBC on the connection of a transaction's handle, for the few statements that every
 * inbound event runs (inbox, conversation lock and save, customer seen, interaction log). Through
 * a SqlObject each such call cost more Java time than the SQL itself: a handler invocation, a copy
 * of the configuration, and a row mapper worked out by reflection for every result set (measured
 * with JFR, see the README's performance section). Here a call is a prepared statement (which the
 * PostgreSQL driver keeps prepared on the server after a few uses) and a row read by hand.
 * Everything else stays in the SqlObject DAOs.
 */
final class JdbcStatements {
    private final Handle handle;

    JdbcStatements(Handle handle) {
        this.handle = handle;
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** The first row a query (or a statement with {@code returning}) answers, if any. */
    <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** Every row a query (or a statement with {@code returning}) answers. */
    <T> List<T> all(String sql, RowReader<T> reader, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        Connection connection = handle.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /**
     * A parameter that may be null, with its SQL type. The driver keeps a statement prepared on the server
     * only while each parameter keeps its type: a bare null (of no type) in one execution and a value in the
     * next makes PostgreSQL parse and plan the statement again, which for the statements every event runs
     * costs more than running them. Pass such parameters typed.
     */
    record Typed(Object value, int sqlType) {
    }

    /** A bigint parameter that may be null. */
    static Typed bigint(Long value) {
        return new Typed(value, Types.BIGINT);
    }

    /** A text parameter that may be null. */
    static Typed text(String value) {
        return new Typed(value, Types.VARCHAR);
    }

    /** A timestamptz parameter that may be null. */
    static Typed timestamp(Instant value) {
        return new Typed(value, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Typed typed) {
            if (typed.value() == null) {
                statement.setNull(index, typed.sqlType());
            } else {
                bind(statement, index, typed.value());
            }
        } else if (value == null) {
            // no type: PostgreSQL takes the column's or the expression's
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            bindInstant(statement, index, instant);
        } else if (value instanceof String || value instanceof Long || value instanceof Integer
                || value instanceof Boolean) {
            statement.setObject(index, value);
        } else if (value instanceof String[] texts) {
            statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
        } else if (value instanceof Long[] numbers) {
            statement.setArray(index, statement.getConnection().createArrayOf("bigint", numbers));
        } else {
            throw new IllegalArgumentException("no JDBC binding for " + value.getClass().getName());
        }
    }

    /**
     * A timestamptz in the text the driver would send for it, without the driver's formatter: the driver makes a
     * new one (a calendar and time zone look-ups) for every statement that binds a time, and every event's two
     * statements bind several. Rounded to the microsecond as the driver rounds (half up); times outside the years
     * 1 to 9999, which ISO text cannot carry as PostgreSQL reads it, go through the driver.
     */
    private static void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant.isBefore(FIRST_ISO_YEAR) || !instant.isBefore(AFTER_ISO_YEARS)) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            return;
        }
        int belowMicros = instant.getNano() % 1_000;
        Instant micros = belowMicros >= 500 ? instant.plusNanos(1_000 - belowMicros) : instant.minusNanos(belowMicros);
        PGobject timestamp = new PGobject();
        timestamp.setType("timestamptz");
        timestamp.setValue(micros.toString());
        statement.setObject(index, timestamp);
    }

    private static final Instant FIRST_ISO_YEAR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_ISO_YEARS = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A statement failed; a {@link JdbiException} like every other store failure, so the transactor
     * tells connection trouble from a bad statement the same way for both.
     */
    static final class StatementFailedException extends JdbiException {
        private static final long serialVersionUID = 1L;

        StatementFailedException(String sql, SQLException cause) {
            super(cause.getMessage() + " [statement: " + sql.strip().replaceAll("\\s+", " ") + "]", cause);
        }
    }
}
