package io.retainbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.chat.Platform;
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
import io.retainbot.core.schedule.Retention;
import io.retainbot.core.schedule.RetentionPolicy;
import io.retainbot.core.schedule.Timekeeper;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broadcast sent through the real Telegram gateway to a local fake Bot API that answers one send
 * with 429 and {@code retry_after}: the run holds its bulk sends for that long, the refused message
 * goes out after the window, and every customer gets the broadcast exactly once.
 */
class TelegramBroadcastIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int CUSTOMERS = 40;
    private static final int RETRY_AFTER_SECONDS = 2;

    private final Clock clock = Clock.systemUTC();
    private final FakeBotApi telegram = new FakeBotApi();
    private final ExecutorService senders = Executors.newSingleThreadExecutor();
    private Transactor transactor;
    private OutboxDispatcher dispatcher;
    private Timekeeper timekeeper;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        transactor = db.database().transactor();
        TelegramChatGateway gateway = new TelegramChatGateway(new BotApi(FakeBotApi.TOKEN, telegram.url()), 30, false);
        // one send at a time: after the 429 is answered, nothing else is on its way
        dispatcher = new OutboxDispatcher(transactor, List.of(new PlatformSenders(gateway, senders, 1)), "telegram-it",
                clock, new SimpleMeterRegistry());
        dispatcher.start(runnable -> new Thread(runnable, "test-outbox"));
        timekeeper = new Timekeeper(db.dataSource(), clock, new Timekeeper.Settings("telegram-it",
                Duration.ofMillis(200), 2));
    }

    @AfterEach
    void tearDown() {
        timekeeper.close();
        dispatcher.drain(Duration.ofSeconds(5));
        senders.shutdownNow();
        telegram.close();
    }

    @Test
    void a429SlowsTheRunDownForRetryAfterAndNothingIsLostOrSentTwice() {
        for (int index = 0; index < CUSTOMERS; index++) {
            customer(String.valueOf(7_000_000 + index));
        }
        String refused = String.valueOf(7_000_000 + CUSTOMERS / 2);
        telegram.failNext("sendMessage", call -> call.chatId().equals(refused), 429,
                "Too Many Requests: retry after " + RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS);
        TemplateRenderer renderer = new TemplateRenderer(Messages.builtIn(), "Demo Shop", SEOUL);
        BroadcastRunner runner = new BroadcastRunner(transactor, renderer,
                new Offers(transactor, new OfferCodeGenerator(new Random(2)), clock), SendPolicy.DEFAULT, SEOUL,
                Set.of(Platform.TELEGRAM), clock, BroadcastRunner.Settings.DEFAULT, dispatcher::wakeUp);
        timekeeper.start(due -> new DueReceipt.Handled(), new Retention(db.database().housekeeping(),
                RetentionPolicy.DEFAULT, clock), RetentionPolicy.DEFAULT, runner);
        long template = new Templates(transactor, renderer, clock).create(Templates.draft("Delay",
                TemplatePurpose.SERVICE, "en", List.of(new TemplateText("en", Tone.FORMAL,
                        "Dear {name}, your order ships two days late.")), List.of(), null)).orElseThrow().id();
        long everyone = new Segments(transactor, clock).create("everyone", SegmentFilter.EVERYONE).orElseThrow()
                .segment().id();
        Broadcasts broadcasts = new Broadcasts(transactor, SEOUL, clock, timekeeper);

        Broadcast broadcast = broadcasts.create("Delay notice", everyone, template,
                new BroadcastSchedule.Once(clock.instant()));
        Await.until(() -> broadcasts.find(broadcast.id()).orElseThrow().runs().stream()
                        .anyMatch(run -> run.run().status() == BroadcastRun.Status.FINISHED), Await.DEFAULT,
                () -> broadcasts.find(broadcast.id()));

        List<FakeBotApi.Call> sends = telegram.calls("sendMessage");
        Map<String, Long> perChat = sends.stream().collect(Collectors.groupingBy(FakeBotApi.Call::chatId,
                Collectors.counting()));
        assertThat(perChat).hasSize(CUSTOMERS);
        assertThat(perChat).allSatisfy((chat, count) -> assertThat(count).as(chat)
                .isEqualTo(chat.equals(refused) ? 2L : 1L));
        Instant limitedAt = telegram.sentTo(refused).get(0).at();
        Instant windowEnds = limitedAt.plusSeconds(RETRY_AFTER_SECONDS);
        assertThat(sends).as("no send inside the retry window")
                .noneMatch(call -> call.at().isAfter(limitedAt) && call.at().isBefore(windowEnds));
        assertThat(telegram.sentTo(refused).get(1).at()).isAfterOrEqualTo(windowEnds);
        assertThat(broadcasts.find(broadcast.id()).orElseThrow().runs().get(0).progress().sent())
                .isEqualTo(CUSTOMERS);
    }

    private void customer(String userId) {
        transactor.runInTransaction(session -> {
            var customer = session.customers().create(CustomerProfile.builder().displayName("Customer " + userId)
                    .language("en").zone(SEOUL).build(), clock.instant());
            session.customers().link(customer.id(), Platform.TELEGRAM, userId, userId, "Customer " + userId,
                    clock.instant());
        });
    }
}
