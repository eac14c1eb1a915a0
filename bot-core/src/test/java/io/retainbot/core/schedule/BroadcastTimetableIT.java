package io.retainbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRun;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.CalendarRule;
import io.retainbot.core.outreach.Greetings;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.SendPolicy;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateRenderer;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.outreach.Templates;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.PlannedTimetable;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broadcasts timed by db-scheduler: each occurrence started once and each run sent once, with two
 * instances on one database, after a restart, and after a crash that lost what was planned.
 */
class BroadcastTimetableIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Saturday 5 December 2026, 10:00 in Seoul (01:00 UTC). */
    private static final Instant SEOUL_TEN = Instant.parse("2026-12-05T01:00:00Z");
    private static final AtomicLong USERS = new AtomicLong(50_000);
    private static final Function<DueEvent, DueReceipt> NO_DUE_EVENTS = due -> new DueReceipt.Handled();

    private final MutableClock clock = new MutableClock(SEOUL_TEN);
    private final RecordingGateway gateway = new RecordingGateway(Platform.TELEGRAM);
    private final List<Timekeeper> timekeepers = new ArrayList<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private final TemplateRenderer renderer = new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL);
    private Transactor transactor;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        dispatcher = new OutboxDispatcher(transactor, List.of(new PlatformSenders(gateway, senders, 4)), "dispatcher",
                clock, new SimpleMeterRegistry());
        dispatcher.start(runnable -> new Thread(runnable, "test-outbox"));
    }

    @AfterEach
    void tearDown() {
        timekeepers.forEach(Timekeeper::close);
        dispatcher.drain(Duration.ofSeconds(5));
        senders.shutdownNow();
    }

    @Test
    void twoInstancesSendABroadcastToEveryCustomerExactlyOnce() {
        List<Customer> customers = customers(40);
        Timekeeper one = started("one");
        Timekeeper two = started("two");
        Broadcast broadcast = broadcasts(one).create("Everyone", everyone(), announcement(),
                new BroadcastSchedule.Once(clock.instant()));

        two.checkNow();
        one.checkNow();
        awaitFinished(broadcast, one);

        assertThat(gateway.sent()).as(() -> broadcasts(one).find(broadcast.id()).toString()).hasSize(customers.size());
        assertThat(gateway.sent().stream().map(RecordingGateway.Sent::channel).distinct()).hasSize(customers.size());
        assertThat(db.count("select count(*) from broadcast_run")).isEqualTo(1);
        awaitNoBroadcastExecutions();
    }

    @Test
    void aRunCarriesOnAfterARestartWithoutSendingAnyoneTwice() {
        List<Customer> customers = customers(30);
        Timekeeper before = started("before-restart");
        Broadcast broadcast = broadcasts(before).create("Restarted", everyone(), announcement(),
                new BroadcastSchedule.Once(clock.instant()));
        before.checkNow();
        Await.until(() -> checked() && gateway.sent().size() >= 3, Await.DEFAULT, () -> "sent " + gateway.sent().size());

        before.close();
        Timekeeper after = started("after-restart");
        after.checkNow();
        awaitFinished(broadcast, after);

        assertThat(gateway.sent().stream().map(RecordingGateway.Sent::channel).distinct()).hasSize(customers.size());
        assertThat(gateway.sent()).hasSize(customers.size());
    }

    @Test
    void whatACrashLeftUnplannedIsPlannedAgainWhenTheTimekeeperStarts() {
        List<Customer> customers = customers(12);
        // Both broadcasts were committed, and the process died before their plans were written.
        PlannedTimetable lost = new PlannedTimetable();
        Broadcast notLookedAt = new Broadcasts(transactor, SEOUL, clock, lost).create("Not looked at", everyone(),
                announcement(), new BroadcastSchedule.Once(clock.instant()));
        Broadcast started = new Broadcasts(transactor, SEOUL, clock, lost).create("Started", everyone(),
                announcement(), new BroadcastSchedule.Once(clock.instant()));
        assertThat(runner().occur(started.id()).runs()).hasSize(1);

        Timekeeper timekeeper = started("after-crash");
        timekeeper.checkNow();
        awaitFinished(notLookedAt, timekeeper);
        awaitFinished(started, timekeeper);

        assertThat(gateway.sent()).as(this::unsent).hasSize(2 * customers.size());
        assertThat(db.count("select count(*) from broadcast_run")).isEqualTo(2);
    }

    @Test
    void aRecurringBroadcastIsLookedAtAgainAtItsNextOccurrence() {
        clock.set(Instant.parse("2026-11-30T00:00:00Z"));
        Customer seoul = customer("Seoul", SEOUL, null);
        Customer newYork = customer("New York", NEW_YORK, null);
        Timekeeper timekeeper = started("one");
        Broadcast broadcast = broadcasts(timekeeper).create("Membership day", everyone(), announcement(),
                new BroadcastSchedule.Recurring(CalendarRule.parse("first Saturday of every month at 10:00"),
                        BroadcastSchedule.ZoneMode.CUSTOMER));
        // In each customer's zone, an occurrence is first due where the day starts first (UTC+14).
        assertThat(occurrenceDue(broadcast)).isEqualTo(Instant.parse("2026-12-04T20:00:00Z"));

        clock.set(SEOUL_TEN);
        timekeeper.checkNow();
        Await.until(() -> checked() && gateway.sent().size() == 1, Await.DEFAULT, () -> "sent " + gateway.sent());
        clock.set(Instant.parse("2026-12-05T15:00:00Z"));
        timekeeper.checkNow();
        Await.until(() -> checked() && gateway.sent().size() == 2, Await.DEFAULT, () -> "sent " + gateway.sent());

        assertThat(gateway.sent()).extracting(RecordingGateway.Sent::channel).containsExactly(chat(seoul), chat(newYork));
        Await.until(() -> checked() && occurrenceDue(broadcast).equals(Instant.parse("2027-01-01T20:00:00Z")), Await.DEFAULT,
                () -> "the next look is planned for " + occurrenceDue(broadcast));
    }

    @Test
    void birthdayGreetingsGoOutAtNineLocalTimeOnceEvenWhenTwoInstancesRestart() {
        clock.set(Instant.parse("2026-12-04T12:00:00Z"));
        Customer seoul = customer("Seoul", SEOUL, Birthday.of(12, 5));
        customer("Other day", SEOUL, Birthday.of(12, 6));
        Timekeeper one = started("one");
        Timekeeper two = started("two");
        long template = templates().create(Templates.draft("Birthday", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Happy birthday, {name}!")), List.of(), null)).orElseThrow().id();
        new Greetings(transactor, SEOUL, clock, one).setBirthday(new Greetings.BirthdaySettings(true, template, null,
                null));

        clock.set(Instant.parse("2026-12-05T00:00:00Z"));
        one.checkNow();
        two.checkNow();
        Await.until(() -> checked() && gateway.sent().size() == 1, Await.DEFAULT, () -> "sent " + gateway.sent());
        Await.until(() -> checked() && db.count("select count(*) from broadcast_run where status = 'finished'"
                + " and occurrence = '2026-12-05'") == 1);
        one.close();
        two.close();
        Timekeeper restarted = started("restarted");
        restarted.checkNow();
        clock.set(Instant.parse("2026-12-05T00:30:00Z"));
        restarted.checkNow();
        Await.until(() -> checked() && occurrenceDueOfBirthday()
                .isAfter(Instant.parse("2026-12-05T12:00:00Z")));

        assertThat(gateway.sent()).extracting(RecordingGateway.Sent::channel).containsExactly(chat(seoul));
        // set up on 4 December, the greetings covered that day too where it was not over (none of ours)
        assertThat(db.count("select count(*) from broadcast_run where occurrence = '2026-12-05'")).isEqualTo(1);
    }

    private Timekeeper started(String instance) {
        Timekeeper timekeeper = new Timekeeper(db.dataSource(), clock,
                new Timekeeper.Settings(instance, Duration.ofMillis(100), 4));
        timekeepers.add(timekeeper);
        timekeeper.start(NO_DUE_EVENTS, new Retention(db.database().housekeeping(), RetentionPolicy.DEFAULT, clock),
                RetentionPolicy.DEFAULT, runner());
        return timekeeper;
    }

    private BroadcastRunner runner() {
        return new BroadcastRunner(transactor, renderer, new Offers(transactor, new OfferCodeGenerator(new Random(3)),
                clock), SendPolicy.DEFAULT, SEOUL, Set.of(Platform.values()), clock, new BroadcastRunner.Settings(5, 5),
                dispatcher::wakeUp);
    }

    private Broadcasts broadcasts(Timekeeper timekeeper) {
        return new Broadcasts(transactor, SEOUL, clock, timekeeper);
    }

    private Templates templates() {
        return new Templates(transactor, renderer, clock);
    }

    private void awaitFinished(Broadcast broadcast, Timekeeper timekeeper) {
        Broadcasts reader = broadcasts(timekeeper);
        // one read: with two, a run started between them passed as "no run yet, so all finished" and "has a run"
        Await.until(() -> checked() && allFinished(reader.find(broadcast.id()).orElseThrow().runs()),
                Await.DEFAULT, () -> reader.find(broadcast.id()) + " " + tasks());
    }

    private static boolean allFinished(List<Broadcasts.RunProgress> runs) {
        return !runs.isEmpty() && runs.stream().allMatch(run -> run.run().status() == BroadcastRun.Status.FINISHED);
    }

    /** The deliveries not sent and their outbox rows, to tell why a test saw fewer sends. */
    private String unsent() {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select d.run_id, d.customer_id, d.status, d.reason, "
                     + "o.id, o.status, o.last_error, o.attempts from delivery d left join outbox o on o.id = d.outbox_id "
                     + "where d.status <> 'sent' or o.status <> 'delivered'");
             ResultSet row = query.executeQuery()) {
            StringBuilder all = new StringBuilder("deliveries not sent: ");
            while (row.next()) {
                all.append('[');
                for (int column = 1; column <= 8; column++) {
                    all.append(row.getString(column)).append(column < 8 ? ", " : "]");
                }
            }
            return all + " runs: " + db.row("select string_agg(id || ':' || broadcast_id || ':' || status, ' ') from broadcast_run");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tasks() {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select task_name, task_instance, execution_time, "
                     + "picked, picked_by, consecutive_failures, last_failure from scheduled_tasks");
             ResultSet row = query.executeQuery()) {
            StringBuilder all = new StringBuilder();
            while (row.next()) {
                all.append('[');
                for (int column = 1; column <= 7; column++) {
                    all.append(row.getString(column)).append(' ');
                }
                all.append(']');
            }
            return all.toString();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * The test's clock stands still, and db-scheduler times its polls by it: the timekeepers look for
     * due work when told to, as they would at their next poll.
     */
    private boolean checked() {
        timekeepers.forEach(Timekeeper::checkNow);
        return true;
    }

    private void awaitNoBroadcastExecutions() {
        Await.until(() -> checked()
                        && db.count("select count(*) from scheduled_tasks where task_name like 'broadcast-%'") == 0,
                Await.DEFAULT, () -> "broadcast executions left");
    }

    private Instant occurrenceDue(Broadcast broadcast) {
        return executionTime("broadcast-" + broadcast.id());
    }

    private Instant occurrenceDueOfBirthday() {
        long birthday = transactor.inTransaction(session -> session.broadcasts().birthday()).orElseThrow().id();
        return executionTime("broadcast-" + birthday);
    }

    /** When the broadcast's look is planned; {@link Instant#MIN} while none is. */
    private Instant executionTime(String instance) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select execution_time from scheduled_tasks "
                     + "where task_name = 'broadcast-occurrence' and task_instance = ?")) {
            query.setString(1, instance);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : Instant.MIN;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private long everyone() {
        return new Segments(transactor, clock).create("everyone " + USERS.incrementAndGet(), SegmentFilter.EVERYONE)
                .orElseThrow().segment().id();
    }

    private long announcement() {
        return templates().create(Templates.draft("Announcement " + USERS.incrementAndGet(), TemplatePurpose.SERVICE,
                "en", List.of(new TemplateText("en", Tone.FORMAL, "Dear {name}, our shop moved next door.")),
                List.of(), null)).orElseThrow().id();
    }

    private List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            customers.add(customer("Customer " + index, SEOUL, null));
        }
        return customers;
    }

    private Customer customer(String name, ZoneId zone, Birthday birthday) {
        String user = String.valueOf(USERS.incrementAndGet());
        return transactor.inTransaction(session -> {
            Customer customer = session.customers().create(CustomerProfile.builder().displayName(name).language("en")
                    .zone(zone).birthday(birthday).build(), SEOUL_TEN.minus(Duration.ofDays(30)));
            session.customers().link(customer.id(), Platform.TELEGRAM, user, user, name, SEOUL_TEN);
            session.customers().recordConsent(customer.id(), true, "telegram button", SEOUL_TEN);
            return customer;
        });
    }

    private ChannelRef chat(Customer customer) {
        return transactor.inTransaction(session -> session.customers().identities(customer.id())).get(0).channel();
    }
}
