package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.EventSink;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reconnects: a resumed session loses nothing; one that had to start anew is logged with the gap. */
class DiscordSessionIT {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger listenerLog = (Logger) LoggerFactory.getLogger(DiscordListener.class);
    private final MutableClock clock = MutableClock.at("2026-11-23T08:15:00Z");
    private final AtomicInteger handled = new AtomicInteger();
    private final FakeDiscord discord = new FakeDiscord();
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws InterruptedException {
        logged.start();
        listenerLog.addAppender(logged);
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, Optional.empty(), 1, List.of(), 20,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()));
        adapter = new DiscordAdapter(settings, Messages.builtIn(), BusinessConfig.defaults(), clock);
        adapter.start(event -> {
            handled.incrementAndGet();
            return EventSink.Receipt.HANDLED;
        });
        discord.awaitIdentified();
        adapter.awaitReady();
    }

    @AfterEach
    void stop() {
        listenerLog.detachAppender(logged);
        adapter.close();
        discord.close();
    }

    private Optional<ILoggingEvent> awaitLog(Level level, String fragment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ILoggingEvent> found = List.copyOf(logged.list).stream()
                    .filter(event -> event.getLevel() == level && event.getFormattedMessage().contains(fragment))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.onSpinWait();
        }
        return Optional.empty();
    }

    @Test
    void sessionThatCouldNotResumeIsLoggedWithTheGapSinceTheLastEvent() {
        discord.dispatch("MESSAGE_CREATE", GatewayEvents.directMessage(discord.nextId(), "400000000000000021", "ana",
                "Hello"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (handled.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        clock.advance(Duration.ofSeconds(90));

        discord.dropConnection(false);

        Optional<ILoggingEvent> warning = awaitLog(Level.WARN, "could not be resumed");
        assertThat(warning).isPresent();
        assertThat(warning.get().getFormattedMessage()).contains("received at 2026-11-23T08:15:00Z (PT1M30S ago")
                .contains("connection lost at 2026-11-23T08:16:30Z").contains("Direct messages");
        assertThat(discord.sessionsStarted()).isEqualTo(2);
    }

    @Test
    void resumedSessionIsNotReportedAsLoss() {
        discord.dropConnection(true);

        assertThat(awaitLog(Level.INFO, "was resumed")).isPresent();
        assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.WARN);
        assertThat(discord.sessionsStarted()).isEqualTo(1);
    }
}
