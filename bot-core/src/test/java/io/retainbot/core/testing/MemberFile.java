package io.retainbot.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A customer file for benchmarks: "Member 1" to "Member n", each with consent and a Telegram chat
 * {@code member-<customer id>}, written set-based in two statements and analyzed.
 */
public final class MemberFile {
    private MemberFile() {
    }

    public static void write(DataSource dataSource, int members) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into customer (display_name, language, time_zone, consent_granted, consent_answered_at,
                                          consent_source, created_at, updated_at)
                    select 'Member ' || n, 'en', 'Asia/Seoul', true, now(), 'benchmark', now(), now()
                    from generate_series(1, %d) n
                    """.formatted(members));
            statement.execute("""
                    insert into channel_identity (platform, user_id, customer_id, chat_id, display_name, created_at,
                                                  last_seen_at)
                    select 'telegram', 'member-' || id, id, 'member-' || id, display_name, now(), now() from customer
                    """);
            statement.execute("analyze customer");
            statement.execute("analyze channel_identity");
        }
    }
}
