package io.retainbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.conversation.InboundEvent;
import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reconnects: a resumed session is quiet, a session that could not be resumed is reported with the gap. */
class DiscordSessionIT {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger watchLog = (Logger) LoggerFactory.getLogger(SessionWatch.class);
    private final MutableClock clock = MutableClock.at("2026-11-23T08:15:00Z");
    private FakeDiscord discord;
    private RecordingSink sink;
    private DiscordAdapter adapter;

    @BeforeEach
    void connect() throws InterruptedException {
        logged.start();
        watchLog.addAppender(logged);
        discord = new FakeDiscord().start();
        sink = new RecordingSink();
        adapter = new DiscordAdapter(discord.settings(), BusinessConfig.defaults(), clock);
        adapter.start(sink, DiscordTranslationIT::daemon);
        adapter.awaitReady();
    }

    @AfterEach
    void disconnect() {
        watchLog.detachAppender(logged);
        adapter.close();
        discord.close();
    }

    private Optional<ILoggingEvent> awaitLog(Level level, String fragment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ILoggingEvent> found = List.copyOf(logged.list).stream()
                    .filter(event -> event.getLevel() == level && event.getFormattedMessage().contains(fragment)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.onSpinWait();
        }
        return Optional.empty();
    }

    @Test
    void sessionThatCouldNotResumeIsReportedWithTheGapSinceTheLastEvent() {
        discord.dispatchFixture("dm_message");
        sink.next(InboundEvent.TextReceived.class);
        clock.advance(Duration.ofSeconds(90));

        discord.dropConnection(false);

        Optional<ILoggingEvent> warning = awaitLog(Level.WARN, "could not be resumed");
        assertThat(warning).isPresent();
        assertThat(warning.get().getFormattedMessage())
                .contains("last event was received at 2026-11-23T08:15:00Z (90 s ago)")
                .contains("connection was lost at 2026-11-23T08:16:30Z")
                .contains("direct messages")
                .contains("lost");
        assertThat(discord.sessionsStarted()).isEqualTo(2);
    }

    @Test
    void resumedSessionIsNotReportedAsLoss() {
        discord.dropConnection(true);

        assertThat(awaitLog(Level.INFO, "resumed")).isPresent();
        assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.WARN);
        assertThat(discord.sessionsStarted()).isEqualTo(1);
    }
}
