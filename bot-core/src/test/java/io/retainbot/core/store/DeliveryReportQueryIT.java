package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outreach report's weekly "sent" counts over a year of broadcasts (200,000 deliveries) read the
 * deliveries sent in the weeks asked for through an index, not the whole table: the plan PostgreSQL chooses
 * for the very statement {@link OptOutDao#weeks} runs.
 */
class DeliveryReportQueryIT {
    static final int DELIVERIES = 200_000;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeAll
    static void aYearOfBroadcasts() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into delivery (run_id, customer_id, status, not_before, updated_at)
                    select n %% 200, n, case when n %% 10 = 0 then 'skipped' else 'sent' end,
                           timestamptz '2026-01-01' + (n %% 365) * interval '1 day',
                           timestamptz '2026-01-01' + (n %% 365) * interval '1 day' + interval '10 hours'
                    from generate_series(1, %d) n
                    """.formatted(DELIVERIES));
            statement.execute("analyze delivery");
        }
    }

    @Test
    void countsTheWeeksSentThroughTheSentIndex() throws Exception {
        List<String> plan = QueryPlans.explain(db.dataSource(), QueryPlans.sqlOf(OptOutDao.class, "weeks"),
                List.of(Instant.parse("2026-11-02T00:00:00Z"), "Asia/Seoul", Instant.parse("2026-11-30T00:00:00Z")));
        System.out.println("weekly outreach counts with " + DELIVERIES + " deliveries:\n  " + String.join("\n  ", plan));

        assertThat(plan).anyMatch(line -> line.contains("delivery_sent_at"));
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on delivery"));
    }
}
