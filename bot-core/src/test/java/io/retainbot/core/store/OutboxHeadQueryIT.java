package io.retainbot.core.store;

import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's queries over a queue of 100,000 bulk messages read indexes, not the queue: the
 * plans PostgreSQL chooses for the very statements the dispatcher runs ({@link JdbiOutboxStore}).
 */
class OutboxHeadQueryIT {
    static final int QUEUED = 100_000;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeAll
    static void queueABroadcast() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into outbox (platform, chat_id, lane, message, not_before, created_at)
                    select 'telegram', 'member-' || n, 'bulk', '{"type":"text","text":"member day"}'::jsonb,
                           now() - interval '1 minute', now() - interval '1 minute'
                    from generate_series(1, %d) n
                    """.formatted(QUEUED));
            statement.execute("""
                    insert into outbox_chat (platform, chat_id, head_id, lane_rank, due_at)
                    select distinct on (platform, chat_id) platform, chat_id, id, lane_rank, not_before
                    from outbox where status = 'pending'
                    order by platform, chat_id, lane_rank, id
                    """);
            statement.execute("analyze outbox");
            statement.execute("analyze outbox_chat");
        }
    }

    @Test
    void findsDueHeadsThroughTheLaneIndex() throws Exception {
        Instant now = Instant.now();
        List<String> plan = explain(JdbiOutboxStore.DUE_HEADS, List.of("telegram", now, 32, "telegram", now, 32,
                "telegram", now, 32));
        System.out.println("dueHeads with " + QUEUED + " bulk messages queued:\n  " + String.join("\n  ", plan));

        assertThat(plan.stream().filter(line -> line.contains("Index Scan using outbox_chat_due")))
                .as("each lane read from the lane index").hasSize(3);
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
        assertThat(plan).noneMatch(line -> line.contains("Filter:"));
    }

    @Test
    void findsAChatsNextMessageAndTheNextDueTimeThroughIndexes() throws Exception {
        List<String> next = explain("""
                select id, lane_rank, not_before from outbox
                where platform = :platform and chat_id = :chatId and status = 'pending'
                order by lane_rank, id limit 1
                """, List.of("telegram", "member-500"));
        List<String> nextDue = explain(JdbiOutboxStore.NEXT_DUE, List.of());
        System.out.println("next message of a chat:\n  " + String.join("\n  ", next));
        System.out.println("nextDue:\n  " + String.join("\n  ", nextDue));

        assertThat(next).anyMatch(line -> line.contains("outbox_pending_by_chat"));
        assertThat(nextDue).anyMatch(line -> line.contains("outbox_chat_due"));
        assertThat(next).noneMatch(line -> line.contains("Seq Scan"));
        assertThat(nextDue).noneMatch(line -> line.contains("Seq Scan"));
    }

    private static List<String> explain(String sql, List<Object> values) throws SQLException {
        return QueryPlans.explain(db.dataSource(), sql, values);
    }
}
