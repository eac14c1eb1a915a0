package io.retainbot.core.store;

import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The plan of {@code sql} with its named parameters bound in order of appearance (a repeated name reuses the
     * value), or, for a statement with {@code ?} parameters, {@code values} in order.
     */
    private static List<String> explain(String sql, List<Object> values) throws SQLException {
        Matcher names = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        List<String> order = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            order.add(names.group(1));
            names.appendReplacement(positional, "?");
        }
        names.appendTail(positional);
        List<String> distinct = order.stream().distinct().toList();
        try (Connection connection = db.dataSource().getConnection();
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
