package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Times bound by the hot path's plain JDBC reach PostgreSQL as the driver would send them. */
class JdbcStatementsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void bindsTimesToTheMicrosecondRoundedAsTheDriverRoundsThem() {
        List<Instant> times = List.of(Instant.parse("2026-11-30T19:56:39Z"), Instant.parse("2026-11-30T19:56:39.5Z"),
                Instant.parse("2026-11-30T19:56:39.123456499Z"), Instant.parse("2026-11-30T19:56:39.123456500Z"),
                Instant.parse("2026-12-31T23:59:59.999999700Z"), Instant.parse("1969-07-20T20:17:40.000000001Z"));

        try (Handle handle = Jdbi.create(db.dataSource()).open()) {
            JdbcStatements statements = new JdbcStatements(handle);
            for (Instant time : times) {
                Instant bound = statements.first("select cast(? as timestamptz)", row -> JdbcStatements.instant(row, 1),
                        time).orElseThrow();

                assertThat(bound).as("bound %s", time).isEqualTo(viaDriver(handle, time));
            }
        }
    }

    @Test
    void bindsTimesBeyondTheYear9999AndNoTime() {
        try (Handle handle = Jdbi.create(db.dataSource()).open()) {
            JdbcStatements statements = new JdbcStatements(handle);
            Instant far = Instant.parse("+12026-01-01T00:00:00Z");

            assertThat(statements.first("select cast(? as timestamptz) = cast(? as timestamptz)",
                    row -> row.getBoolean(1), far, far)).contains(true);
            assertThat(statements.first("select cast(? as timestamptz) is null", row -> row.getBoolean(1),
                    JdbcStatements.timestamp(null))).contains(true);
        }
    }

    /** What PostgreSQL stores for {@code time} when the driver binds it itself. */
    private static Instant viaDriver(Handle handle, Instant time) {
        return handle.createQuery("select cast(:time as timestamptz)")
                .bind("time", java.time.OffsetDateTime.ofInstant(time, java.time.ZoneOffset.UTC))
                .mapTo(java.time.OffsetDateTime.class).one().toInstant();
    }
}
