package io.retainbot.core.store;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The plans PostgreSQL chooses for the very statements a DAO runs, their parameters bound. */
final class QueryPlans {
    private QueryPlans() {
    }

    /** The SQL of the DAO's query method {@code method}. */
    static String sqlOf(Class<?> dao, String method) {
        for (Method candidate : dao.getDeclaredMethods()) {
            if (candidate.getName().equals(method)) {
                return candidate.getAnnotation(SqlQuery.class).value();
            }
        }
        throw new IllegalArgumentException("no query " + method + " in " + dao.getSimpleName());
    }

    /**
     * The plan of {@code sql} with its named parameters bound in order of appearance (a repeated name reuses the
     * value), or, for a statement with {@code ?} parameters, {@code values} in order.
     */
    static List<String> explain(DataSource dataSource, String sql, List<Object> values) throws SQLException {
        Matcher names = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        List<String> order = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            order.add(names.group(1));
            names.appendReplacement(positional, "?");
        }
        names.appendTail(positional);
        List<String> distinct = order.stream().distinct().toList();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("explain " + positional)) {
            int parameters = order.isEmpty() ? values.size() : order.size();
            for (int i = 0; i < parameters; i++) {
                Object value = order.isEmpty() ? values.get(i) : values.get(distinct.indexOf(order.get(i)));
                if (value instanceof Instant instant) {
                    statement.setObject(i + 1, java.sql.Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            return plan;
        }
    }
}
