package io.retainbot.core.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.store.Database;
import io.retainbot.core.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark's baseline is only a baseline while it issues what the engine issues: for a known
 * customer, the same SQL statements in the same order. When a store changes a statement, this
 * fails until {@link PlainJdbcEvents} follows.
 */
class PlainJdbcEventsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void issuesTheEnginesStatementsForAKnownCustomer() {
        List<String> engineStatements = statementsOfOneRound(dataSource -> new ConversationEngine(
                Database.on(dataSource).transactor(), Messages.builtIn(), BusinessConfig.defaults(), Set.of(),
                Clock.systemUTC(), () -> { })::accept, "engine-chat");
        List<String> plainStatements = statementsOfOneRound(
                dataSource -> new PlainJdbcEvents(dataSource)::handle, "plain-chat");

        // three statements a turn (accept, finish, commit), and the complaint number reserved when filing starts
        assertThat(engineStatements).hasSize(4 * 3 + 1);
        assertThat(plainStatements).isEqualTo(engineStatements);
    }

    @Test
    void issuesTheEnginesStatementsOnFirstContact() {
        List<String> engineStatements = statementsOfFirstContact(dataSource -> new ConversationEngine(
                Database.on(dataSource).transactor(), Messages.builtIn(), BusinessConfig.defaults(), Set.of(),
                Clock.systemUTC(), () -> { })::accept, "engine-newcomer");
        List<String> plainStatements = statementsOfFirstContact(
                dataSource -> new PlainJdbcEvents(dataSource)::handle, "plain-newcomer");

        assertThat(engineStatements).contains("commit");
        assertThat(plainStatements).isEqualTo(engineStatements);
    }

    @Test
    void storesWhatTheEngineStoresTurnByTurn() throws Exception {
        EngineBenchmark.EventHandler engine = new ConversationEngine(db.database().transactor(), Messages.builtIn(),
                BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), () -> { })::accept;
        EngineBenchmark.EventHandler plain = new PlainJdbcEvents(db.dataSource())::handle;

        for (int turn = 0; turn < 12; turn++) {
            int engineQueued = queued("stored-engine").size();
            int plainQueued = queued("stored-plain").size();
            engine.handle(EngineBenchmark.event("stored-engine", turn));
            plain.handle(EngineBenchmark.event("stored-plain", turn));

            // the chats' own complaint numbers and times aside
            assertThat(conversation("stored-plain")).as("conversation after turn %d", turn)
                    .isEqualTo(conversation("stored-engine"));
            List<String> engineReplies = queued("stored-engine");
            List<String> plainReplies = queued("stored-plain");
            assertThat(plainReplies.subList(plainQueued, plainReplies.size())).as("replies to turn %d", turn)
                    .isEqualTo(engineReplies.subList(engineQueued, engineReplies.size()));
        }
    }

    /** The chat's conversation (flow, state, data, offered labels) as PostgreSQL holds it. */
    private static List<String> conversation(String chat) throws Exception {
        return texts("select concat_ws(' | ', flow, state, data::text, offered_buttons::text) from conversation"
                + " where chat_id = ?", chat);
    }

    /** The chat's queued replies, as PostgreSQL holds them. */
    private static List<String> queued(String chat) throws Exception {
        return texts("select message::text from outbox where chat_id = ? order by id", chat);
    }

    private static List<String> texts(String sql, String chat) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, chat);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1).replaceAll("C-\\d+", "C-n")
                            .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "(time)"));
                }
            }
        }
        return texts;
    }

    @Test
    void filingScriptFilesAComplaintWithItsDomainEvent() throws Exception {
        ConversationEngine engine = new ConversationEngine(db.database().transactor(), Messages.builtIn(),
                BusinessConfig.defaults(), Set.of(), Clock.systemUTC(), () -> { });
        for (int turn = 0; turn < 2 * EngineBenchmark.FILING_TURNS; turn++) {
            engine.accept(EngineBenchmark.filing("filing-chat", turn));
        }

        assertThat(count("select count(*) from complaint where chat_id = 'filing-chat'")).isEqualTo(2);
        assertThat(count("""
                select count(*) from domain_event e join complaint c on c.id = e.complaint_id
                where c.chat_id = 'filing-chat' and e.kind = 'complaint_filed'
                """)).isEqualTo(2);
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first event of a chat never seen before: conversation and customer created. */
    private static List<String> statementsOfFirstContact(
            Function<DataSource, EngineBenchmark.EventHandler> handlerOn, String chat) {
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        handlerOn.apply(recorded(db.dataSource(), statements::add)).handle(EngineBenchmark.event(chat, 0));
        return List.copyOf(statements);
    }

    /** First contact unrecorded, then the benchmark's four turns, as prepared statements and commits. */
    private static List<String> statementsOfOneRound(
            Function<DataSource, EngineBenchmark.EventHandler> handlerOn, String chat) {
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        boolean[] recording = {false};
        EngineBenchmark.EventHandler handler = handlerOn.apply(recorded(db.dataSource(), sql -> {
            if (recording[0]) {
                statements.add(sql);
            }
        }));
        handler.handle(EngineBenchmark.event(chat, 0));
        handler.handle(EngineBenchmark.event(chat, 3));
        recording[0] = true;
        for (int turn = 0; turn < 4; turn++) {
            handler.handle(EngineBenchmark.event(chat, turn));
        }
        return List.copyOf(statements);
    }

    private static DataSource recorded(DataSource real, Consumer<String> record) {
        return (DataSource) Proxy.newProxyInstance(PlainJdbcEventsIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    Object answer = invoke(method, real, arguments);
                    if (answer instanceof Connection connection) {
                        return recorded(connection, record);
                    }
                    return answer;
                });
    }

    private static Connection recorded(Connection real, Consumer<String> record) {
        return (Connection) Proxy.newProxyInstance(PlainJdbcEventsIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")) {
                        record.accept(((String) arguments[0]).strip().replaceAll("\\s+", " "));
                    } else if (method.getName().equals("commit")) {
                        record.accept("commit");
                    }
                    return invoke(method, real, arguments);
                });
    }

    private static Object invoke(Method method, Object target, Object[] arguments)
            throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
