package io.retainbot.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.Birthday;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomerProfile;
import io.retainbot.core.customer.Tone;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outbox.Lane;
import io.retainbot.core.outbox.OutboxItem;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.PlannedTimetable;
import io.retainbot.core.testing.RecordingGateway;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BroadcastsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Saturday 5 December 2026, 10:00 in Seoul (01:00 UTC). */
    private static final Instant SEOUL_TEN = Instant.parse("2026-12-05T01:00:00Z");
    private static final AtomicLong USERS = new AtomicLong(1000);

    private final Transactor transactor = db.database().transactor();
    private final MutableClock clock = new MutableClock(SEOUL_TEN);
    private final RecordingGateway gateway = new RecordingGateway(Platform.TELEGRAM);
    private final OutboxDispatcher dispatcher = new OutboxDispatcher(transactor, List.of(gateway), Runnable::run, 4,
            clock, new SimpleMeterRegistry());
    private final TemplateRenderer renderer = new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL);
    private final PlannedTimetable timetable = new PlannedTimetable();
    private final Broadcasts broadcasts = new Broadcasts(transactor, SEOUL, clock, timetable);
    private final Segments segments = new Segments(transactor, clock);
    private final Templates templates = new Templates(transactor, renderer, clock);

    @BeforeEach
    void emptyFile() {
        db.truncateAll();
    }

    @Test
    void sendsAMembershipDayOnceToEveryConsentingReachableCustomerAndRecordsWhyOthersGotNothing() {
        Customer ana = customer("Ana", SEOUL, true);
        Customer ben = customer("Ben", SEOUL, true);
        Customer cid = customer("Cid", SEOUL, false);
        Customer dee = customer("Dee", SEOUL, true);
        transactor.runInTransaction(session -> session.customers().markUnreachable(chat(dee), "blocked", SEOUL_TEN));
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        Broadcast broadcast = broadcasts.create("Membership day", everyone(), membershipDay(),
                new BroadcastSchedule.Once(SEOUL_TEN));

        runner.advance();
        sendAll();
        runner.advance();
        runner.advance();
        sendAll();

        assertThat(gateway.sent()).extracting(sent -> sent.channel().chatId())
                .containsExactlyInAnyOrder(chat(ana).chatId(), chat(ben).chatId());
        assertThat(gateway.deliveredTo(chat(ana))).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Dear Ana, see you on membership day, December 5.");
            assertThat(message.buttons().get(0)).extracting(button -> button.data())
                    .containsExactly("outreach:thanks", "outreach:stop");
        });
        Broadcasts.Overview overview = broadcasts.find(broadcast.id()).orElseThrow();
        assertThat(overview.broadcast().status()).isEqualTo(Broadcast.Status.FINISHED);
        assertThat(overview.runs()).singleElement().satisfies(run -> {
            assertThat(run.run().status()).isEqualTo(BroadcastRun.Status.FINISHED);
            assertThat(run.progress().total()).isEqualTo(4);
            assertThat(run.progress().sent()).isEqualTo(2);
            assertThat(run.progress().skippedByReason()).containsEntry("no_consent", 1L).containsEntry("unreachable", 1L);
            assertThat(run.progress().remaining()).isZero();
        });
        assertThat(cid.id()).isPositive();
    }

    @Test
    void serviceAnnouncementsGoWithoutMarketingConsent() {
        Customer cid = customer("Cid", SEOUL, false);
        long template = templates.create(Templates.draft("Delay", TemplatePurpose.SERVICE, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Dear {name}, your order is two days late. We are sorry.")),
                List.of(), null)).orElseThrow().id();
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        broadcasts.create("Delay batch 7", everyone(), template, new BroadcastSchedule.Once(SEOUL_TEN));

        runner.advance();
        sendAll();

        assertThat(gateway.deliveredTo(chat(cid))).extracting(OutboundMessage::text)
                .containsExactly("Dear Cid, your order is two days late. We are sorry.");
        assertThat(gateway.deliveredTo(chat(cid)).get(0).buttons()).isEmpty();
    }

    @Test
    void aCustomerInQuietHoursGetsItAtNineTheirTime() {
        // 12:00 in Seoul is 22:00 the evening before in New York.
        clock.set(Instant.parse("2026-12-05T03:00:00Z"));
        Customer late = customer("Night Owl", NEW_YORK, true);
        Customer seoul = customer("Day Person", SEOUL, true);
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        broadcasts.create("Now", everyone(), membershipDay(), new BroadcastSchedule.Once(clock.instant()));

        runner.advance();
        sendAll();
        List<ChannelRef> first = recipients();
        clock.set(Instant.parse("2026-12-05T14:00:00Z"));
        runner.advance();
        sendAll();

        assertThat(first).containsExactly(chat(seoul));
        assertThat(recipients()).containsExactlyInAnyOrder(chat(seoul), chat(late));
    }

    @Test
    void aOneOffBroadcastStaysActiveWhileItsOnlyRunStillSendsAndFinishesWithIt() {
        // 12:00 in Seoul is 22:00 the evening before in New York: the New York customer waits for 09:00 there.
        clock.set(Instant.parse("2026-12-05T03:00:00Z"));
        customer("Night Owl", NEW_YORK, true);
        customer("Day Person", SEOUL, true);
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        Broadcast broadcast = broadcasts.create("Now", everyone(), membershipDay(),
                new BroadcastSchedule.Once(clock.instant()));

        runner.advance();
        sendAll();
        runner.advance();
        Broadcasts.Overview whileWaiting = broadcasts.find(broadcast.id()).orElseThrow();
        clock.set(Instant.parse("2026-12-05T14:00:00Z"));
        runner.advance();
        sendAll();
        runner.advance();
        Broadcasts.Overview afterwards = broadcasts.find(broadcast.id()).orElseThrow();

        assertThat(whileWaiting.broadcast().status()).isEqualTo(Broadcast.Status.ACTIVE);
        assertThat(whileWaiting.broadcast().nextOccurrence()).isNull();
        assertThat(whileWaiting.runs()).singleElement()
                .satisfies(run -> assertThat(run.run().status()).isEqualTo(BroadcastRun.Status.RUNNING));
        assertThat(afterwards.broadcast().status()).isEqualTo(Broadcast.Status.FINISHED);
        assertThat(afterwards.runs()).singleElement()
                .satisfies(run -> assertThat(run.run().status()).isEqualTo(BroadcastRun.Status.FINISHED));
    }

    @Test
    void aFinishedBroadcastIsNotCancelledAfterwards() {
        customer("Ana", SEOUL, true);
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        Broadcast broadcast = broadcasts.create("Done", everyone(), membershipDay(),
                new BroadcastSchedule.Once(SEOUL_TEN));
        runner.advance();
        sendAll();
        runner.advance();

        assertThatThrownBy(() -> broadcasts.cancel(broadcast.id())).isInstanceOf(Broadcasts.Refused.class)
                .hasMessageContaining("finished");
        assertThat(broadcasts.find(broadcast.id()).orElseThrow().broadcast().status())
                .isEqualTo(Broadcast.Status.FINISHED);
    }

    @Test
    void aSecondMarketingMessageWithinThreeDaysIsSkippedForTheFrequencyCap() {
        Customer ana = customer("Ana", SEOUL, true);
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        broadcasts.create("First", everyone(), membershipDay(), new BroadcastSchedule.Once(SEOUL_TEN));
        runner.advance();
        sendAll();
        clock.advance(Duration.ofDays(2));
        Broadcast second = broadcasts.create("Second", everyone(), membershipDay(),
                new BroadcastSchedule.Once(clock.instant()));

        runner.advance();
        sendAll();

        assertThat(gateway.deliveredTo(chat(ana))).hasSize(1);
        assertThat(broadcasts.find(second.id()).orElseThrow().runs().get(0).progress().skippedByReason())
                .containsEntry("frequency_cap", 1L);
    }

    @Test
    void pauseStopsQueueingAndResumeCarriesOn() {
        for (int i = 0; i < 5; i++) {
            customer("Customer " + i, SEOUL, true);
        }
        BroadcastRunner runner = runner(new BroadcastRunner.Settings(2, 2));
        Broadcast broadcast = broadcasts.create("Paced", everyone(), membershipDay(),
                new BroadcastSchedule.Once(SEOUL_TEN));

        runner.advance();
        broadcasts.pause(broadcast.id());
        sendAll();
        int whilePaused = runner.advance();
        sendAll();
        int sentWhilePaused = gateway.sent().size();
        broadcasts.resume(broadcast.id());
        for (int i = 0; i < 10; i++) {
            runner.advance();
            sendAll();
        }

        assertThat(whilePaused).isZero();
        assertThat(sentWhilePaused).isEqualTo(2);
        assertThat(gateway.sent()).hasSize(5);
        assertThat(broadcasts.find(broadcast.id()).orElseThrow().runs().get(0).run().status())
                .isEqualTo(BroadcastRun.Status.FINISHED);
    }

    @Test
    void cancelSkipsEverythingNotSentYet() {
        for (int i = 0; i < 5; i++) {
            customer("Customer " + i, SEOUL, true);
        }
        BroadcastRunner runner = runner(new BroadcastRunner.Settings(2, 2));
        Broadcast broadcast = broadcasts.create("Cancelled", everyone(), membershipDay(),
                new BroadcastSchedule.Once(SEOUL_TEN));

        runner.advance();
        broadcasts.cancel(broadcast.id());
        sendAll();
        runner.advance();
        sendAll();

        assertThat(gateway.sent()).isEmpty();
        Broadcasts.RunProgress run = broadcasts.find(broadcast.id()).orElseThrow().runs().get(0);
        assertThat(run.run().status()).isEqualTo(BroadcastRun.Status.CANCELLED);
        assertThat(run.progress().skipped()).isEqualTo(5);
        assertThat(run.progress().remaining()).isZero();
    }

    @Test
    void aCustomerWhoseBroadcastWasCancelledStillGetsTheNextMessageOfTheSameLane() {
        Customer customer = customer("Waiting", SEOUL, true);
        BroadcastRunner runner = runner(new BroadcastRunner.Settings(2, 2));
        Broadcast broadcast = broadcasts.create("Cancelled", everyone(), membershipDay(),
                new BroadcastSchedule.Once(SEOUL_TEN));
        runner.advance();
        broadcasts.cancel(broadcast.id());

        transactor.runInTransaction(session -> session.outbox().enqueue(new OutboxItem(chat(customer), Lane.BULK,
                OutboundMessage.Text.of("Happy birthday!"), customer.id(), "later-greeting", clock.instant())));
        sendAll();

        assertThat(gateway.sent()).extracting(sent -> sent.channel()).containsExactly(chat(customer));
    }

    @Test
    void aRecurringBroadcastInEachCustomersZoneReachesEachAtTheirLocalTime() {
        clock.set(Instant.parse("2026-11-30T00:00:00Z"));
        Customer seoul = customer("Seoul", SEOUL, true);
        Customer newYork = customer("New York", NEW_YORK, true);
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        Broadcast broadcast = broadcasts.create("Membership day", everyone(), membershipDay(),
                new BroadcastSchedule.Recurring(CalendarRule.parse("first Saturday of every month at 10:00"),
                        BroadcastSchedule.ZoneMode.CUSTOMER));

        runner.advance();
        boolean nothingBeforeTheDay = gateway.sent().isEmpty();
        clock.set(SEOUL_TEN);
        runner.advance();
        sendAll();
        List<ChannelRef> atSeoulTen = recipients();
        clock.set(Instant.parse("2026-12-05T15:00:00Z"));
        runner.advance();
        sendAll();

        assertThat(nothingBeforeTheDay).isTrue();
        assertThat(atSeoulTen).containsExactly(chat(seoul));
        assertThat(recipients()).containsExactlyInAnyOrder(chat(seoul), chat(newYork));
        assertThat(broadcasts.find(broadcast.id()).orElseThrow().broadcast().nextOccurrence())
                .isEqualTo(LocalDateTime.parse("2027-01-02T10:00"));
    }

    @Test
    void anOfferCodeIsIssuedPerRecipientAndSentInTheMessage() {
        Customer ana = customer("Ana", SEOUL, true);
        long template = templates.create(Templates.draft("Perk", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Dear {name}, your code is {offerCode}.")), List.of(), 30))
                .orElseThrow().id();
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        broadcasts.create("Perk", everyone(), template, new BroadcastSchedule.Once(SEOUL_TEN));

        runner.advance();
        sendAll();

        String text = gateway.deliveredTo(chat(ana)).get(0).text();
        String code = text.substring(text.indexOf("is ") + 3, text.length() - 1);
        assertThat(new Offers(transactor, new OfferCodeGenerator(new Random(1)), clock).find(code))
                .hasValueSatisfying(offer -> assertThat(offer.customerId()).isEqualTo(ana.id()));
    }

    @Test
    void twoRunnersOnOneDatabaseQueueEveryCustomerExactlyOnce() throws Exception {
        for (int i = 0; i < 60; i++) {
            customer("Customer " + i, SEOUL, true);
        }
        broadcasts.create("Everyone", everyone(), membershipDay(), new BroadcastSchedule.Once(SEOUL_TEN));
        BroadcastRunner first = runner(new BroadcastRunner.Settings(1000, 5));
        BroadcastRunner second = runner(new BroadcastRunner.Settings(1000, 5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (BroadcastRunner runner : List.of(first, second)) {
                work.add(() -> {
                    int queued = 0;
                    for (int i = 0; i < 40; i++) {
                        queued += runner.advance();
                    }
                    return queued;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(work)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        sendAll();

        assertThat(gateway.sent()).hasSize(60);
        assertThat(gateway.sent().stream().map(sent -> sent.channel().chatId()).distinct()).hasSize(60);
        assertThat(db.count("select count(*) from broadcast_run")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox where dedupe_key like 'run:%'")).isEqualTo(60);
    }

    @Test
    void greetsEachCustomerOnTheirBirthdayAtNineTheirTimeOncePerYear() {
        clock.set(Instant.parse("2026-12-03T00:00:00Z"));
        Customer seoul = customer("Seoul", SEOUL, true, 12, 5);
        Customer newYork = customer("New York", NEW_YORK, true, 12, 5);
        Customer tomorrow = customer("Tomorrow", SEOUL, true, 12, 6);
        Customer leapDay = customer("Leap Day", SEOUL, true, 2, 29);
        Greetings greetings = new Greetings(transactor, SEOUL, clock, timetable);
        long template = templates.create(Templates.draft("Birthday", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Happy birthday, {name}!")), List.of(), null)).orElseThrow().id();
        greetings.setBirthday(new Greetings.BirthdaySettings(true, template, null, null));
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);
        BroadcastRunner otherInstance = runner(BroadcastRunner.Settings.DEFAULT);

        clock.set(Instant.parse("2026-12-04T23:59:00Z"));
        runner.advance();
        sendAll();
        boolean nobodyBeforeNineInSeoul = gateway.sent().isEmpty();
        clock.set(Instant.parse("2026-12-05T00:00:00Z"));
        runner.advance();
        otherInstance.advance();
        sendAll();
        List<ChannelRef> atNineInSeoul = recipients();
        clock.set(Instant.parse("2026-12-05T14:00:00Z"));
        runner.advance();
        otherInstance.advance();
        sendAll();
        List<ChannelRef> atNineInNewYork = recipients();
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        runner.advance();
        sendAll();
        // Moving the greeting time to later the same day does not greet anyone twice.
        greetings.setBirthday(new Greetings.BirthdaySettings(true, template, java.time.LocalTime.of(23, 0), null));
        clock.set(Instant.parse("2026-12-06T14:30:00Z"));
        runner.advance();
        sendAll();

        assertThat(nobodyBeforeNineInSeoul).isTrue();
        assertThat(atNineInSeoul).containsExactly(chat(seoul));
        assertThat(atNineInNewYork).containsExactly(chat(seoul), chat(newYork));
        assertThat(gateway.deliveredTo(chat(tomorrow))).extracting(OutboundMessage::text)
                .containsExactly("Happy birthday, Tomorrow!");
        assertThat(gateway.deliveredTo(chat(leapDay))).isEmpty();
    }

    @Test
    void greetingsSetUpOnTheMorningOfABirthdayStillGreetItAtNineAndNeverTwiceAcrossRestarts() {
        clock.set(Instant.parse("2026-12-04T22:00:00Z")); // 07:00 on 5 December in Seoul
        Customer seoul = customer("Seoul", SEOUL, true, 12, 5);
        Customer newYork = customer("New York", NEW_YORK, true, 12, 5);
        long template = birthdayTemplate();
        new Greetings(transactor, SEOUL, clock, timetable).setBirthday(new Greetings.BirthdaySettings(true, template,
                null, null));

        runner(BroadcastRunner.Settings.DEFAULT).advance();
        sendAll();
        boolean nobodyBeforeNine = gateway.sent().isEmpty();
        clock.set(Instant.parse("2026-12-05T00:00:00Z"));
        runner(BroadcastRunner.Settings.DEFAULT).advance();
        sendAll();
        List<ChannelRef> atNineInSeoul = recipients();
        // a restart: the settings saved again and a new runner; the day's run is the same run
        new Greetings(transactor, SEOUL, clock, timetable).setBirthday(new Greetings.BirthdaySettings(true, template,
                null, null));
        runner(BroadcastRunner.Settings.DEFAULT).advance();
        sendAll();
        clock.set(Instant.parse("2026-12-05T14:00:00Z"));
        runner(BroadcastRunner.Settings.DEFAULT).advance();
        sendAll();

        assertThat(nobodyBeforeNine).isTrue();
        assertThat(atNineInSeoul).containsExactly(chat(seoul));
        assertThat(recipients()).containsExactly(chat(seoul), chat(newYork));
    }

    @Test
    void greetingsSetUpLateInTheDayGreetAtOnceWhereNineJustPassedAndSkipWhereItPassedOverTwelveHoursAgo() {
        clock.set(Instant.parse("2026-12-05T13:00:00Z")); // 22:00 in Seoul, 20:00 in Bangkok, 08:00 in New York
        Customer seoul = customer("Seoul", SEOUL, true, 12, 5);
        Customer bangkok = customer("Bangkok", ZoneId.of("Asia/Bangkok"), true, 12, 5);
        Customer newYork = customer("New York", NEW_YORK, true, 12, 5);
        new Greetings(transactor, SEOUL, clock, timetable).setBirthday(new Greetings.BirthdaySettings(true,
                birthdayTemplate(), null, null));
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);

        runner.advance();
        sendAll();
        List<ChannelRef> atOnce = recipients();
        clock.set(Instant.parse("2026-12-05T14:00:00Z"));
        runner.advance();
        sendAll();

        assertThat(atOnce).containsExactly(chat(bangkok));
        assertThat(recipients()).containsExactly(chat(bangkok), chat(newYork));
        assertThat(gateway.deliveredTo(chat(seoul))).isEmpty();
        assertThat(db.count("select count(*) from delivery where reason = 'too_late' and customer_id = " + seoul.id()))
                .isEqualTo(1);
    }

    private long birthdayTemplate() {
        return templates.create(Templates.draft("Birthday " + USERS.incrementAndGet(), TemplatePurpose.MARKETING, "en",
                List.of(new TemplateText("en", Tone.FORMAL, "Happy birthday, {name}!")), List.of(), null))
                .orElseThrow().id();
    }

    @Test
    void aLeapDayBirthdayIsGreetedOnTheTwentyEighthOutsideLeapYears() {
        clock.set(Instant.parse("2027-02-26T00:00:00Z"));
        Customer leapDay = customer("Leap Day", SEOUL, true, 2, 29);
        Customer twentyEighth = customer("Twenty-eighth", SEOUL, true, 2, 28);
        long template = templates.create(Templates.draft("Birthday", TemplatePurpose.MARKETING, "en", List.of(
                new TemplateText("en", Tone.FORMAL, "Happy birthday, {name}!")), List.of(), null)).orElseThrow().id();
        new Greetings(transactor, SEOUL, clock, timetable).setBirthday(new Greetings.BirthdaySettings(true, template, null, null));
        BroadcastRunner runner = runner(BroadcastRunner.Settings.DEFAULT);

        clock.set(Instant.parse("2027-02-28T00:00:00Z"));
        runner.advance();
        sendAll();
        clock.set(Instant.parse("2027-03-01T00:00:00Z"));
        runner.advance();
        sendAll();

        assertThat(recipients()).containsExactlyInAnyOrder(chat(leapDay), chat(twentyEighth));
    }

    private BroadcastRunner runner(BroadcastRunner.Settings settings) {
        return new BroadcastRunner(transactor, renderer, new Offers(transactor, new OfferCodeGenerator(new Random(5)),
                clock), SendPolicy.DEFAULT, SEOUL, java.util.Set.of(Platform.values()), clock, settings, () -> { });
    }

    private void sendAll() {
        for (int round = 0; round < 1000 && dispatcher.dispatchDue() > 0; round++) {
            // each round sends the next message of every chat that has one due
        }
    }

    private List<ChannelRef> recipients() {
        return gateway.sent().stream().map(RecordingGateway.Sent::channel).toList();
    }

    private long everyone() {
        return segments.create("everyone " + USERS.incrementAndGet(), SegmentFilter.EVERYONE).orElseThrow()
                .segment().id();
    }

    private long membershipDay() {
        return templates.create(Templates.draft("Membership day " + USERS.incrementAndGet(), TemplatePurpose.MARKETING,
                "en", List.of(new TemplateText("en", Tone.FORMAL,
                        "Dear {name}, see you on membership day, {membershipDay}.")),
                List.of(TemplateButton.THANKS), null)).orElseThrow().id();
    }

    private Customer customer(String name, ZoneId zone, boolean consent) {
        return customer(name, zone, consent, null, null);
    }

    private Customer customer(String name, ZoneId zone, boolean consent, Integer birthMonth, Integer birthDay) {
        String user = String.valueOf(USERS.incrementAndGet());
        return transactor.inTransaction(session -> {
            Customer customer = session.customers().create(CustomerProfile.builder().displayName(name).language("en")
                    .zone(zone).birthday(birthMonth == null ? null : Birthday.of(birthMonth, birthDay)).build(),
                    SEOUL_TEN.minus(Duration.ofDays(30)));
            session.customers().link(customer.id(), Platform.TELEGRAM, user, user, name, SEOUL_TEN);
            if (consent) {
                session.customers().recordConsent(customer.id(), true, "telegram button", SEOUL_TEN);
            }
            return customer;
        });
    }

    private ChannelRef chat(Customer customer) {
        return transactor.inTransaction(session -> session.customers().identities(customer.id())).get(0).channel();
    }
}
