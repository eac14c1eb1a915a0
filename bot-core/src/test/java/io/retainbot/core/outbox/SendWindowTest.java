package io.retainbot.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SendWindowTest {
    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private static final Duration LOOKAHEAD = Duration.ofMillis(100);
    private final SendWindow window = new SendWindow(30);

    @Test
    void letsTheBudgetStartAtOnceAndNoMore() {
        assertThat(window.room(clock.instant())).isEqualTo(30);
        startAndAnswer(30);
        assertThat(window.room(clock.instant())).isZero();
    }

    @Test
    void aSendHoldsItsPlaceUntilASecondAfterItsAnswer() {
        start();
        clock.advance(Duration.ofMillis(400));
        window.answered(clock.instant());
        startAndAnswer(29);

        clock.advance(Duration.ofMillis(999));
        assertThat(window.room(clock.instant())).as("a second after the first answer, not after its start").isZero();
        assertThat(window.nextRoomAt(clock.instant())).isEqualTo(Instant.parse("2026-11-30T10:00:01.400Z"));
        clock.advance(Duration.ofMillis(1));
        assertThat(window.room(clock.instant())).isEqualTo(30);
    }

    @Test
    void aSendStillWaitingForItsAnswerKeepsItsPlace() {
        start();
        startAndAnswer(29);
        clock.advance(Duration.ofSeconds(5));
        assertThat(window.room(clock.instant())).isEqualTo(29);
        assertThat(window.nextRoomAt(clock.instant())).isEqualTo(clock.instant());
        startAndAnswer(29);
        assertThat(window.nextRoomAt(clock.instant())).as("the first answer leaves a second later; the open send holds its place")
                .isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void aWithdrawnSendFreesItsPlaceAtOnce() {
        startAndAnswer(29);
        start();
        assertThat(window.room(clock.instant())).isZero();
        window.withdrawn(clock.instant());
        assertThat(window.room(clock.instant())).isEqualTo(1);
    }

    @Test
    void aPlaceAboutToOpenIsReservedForTheMomentItOpensAndGivenBackAsItWas() {
        startAndAnswer(30);
        clock.advance(Duration.ofMillis(950));
        assertThat(window.room(clock.instant())).isZero();
        assertThat(window.room(clock.instant(), Duration.ofMillis(100))).isEqualTo(30);
        assertThat(window.reserve(clock.instant(), Duration.ofMillis(10))).as("not within 10 ms").isEmpty();

        Optional<Instant> opens = window.reserve(clock.instant(), Duration.ofMillis(100));
        assertThat(opens).contains(Instant.parse("2026-11-30T10:00:01Z"));
        assertThat(window.room(clock.instant(), Duration.ofMillis(100))).isEqualTo(29);
        window.withdrawn(opens.get());
        assertThat(window.room(clock.instant())).as("the place given back still opens at 10:00:01").isZero();
        clock.advance(Duration.ofMillis(50));
        assertThat(window.room(clock.instant())).isEqualTo(30);
    }

    @Test
    void nothingStartsInsideAnAnnouncedWaitAndALaterWaitNeverShortensIt() {
        window.holdUntil(clock.instant().plusSeconds(3));
        window.holdUntil(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMillis(2999));
        assertThat(window.room(clock.instant())).isZero();
        assertThat(window.isHeld(clock.instant())).isTrue();
        assertThat(window.nextRoomAt(clock.instant())).isEqualTo(Instant.parse("2026-11-30T10:00:03Z"));
        clock.advance(Duration.ofMillis(1));
        assertThat(window.room(clock.instant())).isEqualTo(30);
    }

    @Test
    void aFractionalBudgetRoundsDown() {
        assertThat(SendWindow.perSecond(30.9).room(clock.instant())).isEqualTo(30);
        assertThat(SendWindow.perSecond(0.5).room(clock.instant())).isEqualTo(1);
    }

    /**
     * Sends leave at their start and reach the platform anywhere up to their round trip later, in a
     * seeded random order; the platform counts arrivals in every sliding second, as Telegram does.
     */
    @Test
    void neverLetsAThirtyFirstSendArriveInAnySecondWhateverTheJitter() {
        List<Instant> arrivals = simulate(Duration.ofSeconds(60), new Random(13), Duration.ofMillis(80));
        Deque<Instant> lastSecond = new ArrayDeque<>();
        int most = 0;
        for (Instant arrival : arrivals.stream().sorted().toList()) {
            while (!lastSecond.isEmpty() && !lastSecond.peekFirst().plus(SendWindow.SPAN).isAfter(arrival)) {
                lastSecond.pollFirst();
            }
            lastSecond.addLast(arrival);
            most = Math.max(most, lastSecond.size());
        }
        assertThat(most).isEqualTo(30);
    }

    @Test
    void usesTheBudgetUpToTheRoundTripOfEachSend() {
        List<Instant> arrivals = simulate(Duration.ofSeconds(60), new Random(7), Duration.ofMillis(10));
        assertThat(arrivals.size()).as("30 a second less at most a round trip of 10 ms per second")
                .isGreaterThanOrEqualTo((int) (60 * 30 / 1.01));
    }

    private void start() {
        assertThat(window.reserve(clock.instant(), Duration.ZERO)).contains(clock.instant());
    }

    private void startAndAnswer(int sends) {
        for (int i = 0; i < sends; i++) {
            start();
            window.answered(clock.instant());
        }
    }

    private record Send(Instant arrival, Instant answer) {
    }

    /**
     * Sends as many as the window lets through for {@code over}, each picked up to the look-ahead before its
     * place opens, as the dispatcher does; returns when each reached the platform.
     */
    private List<Instant> simulate(Duration over, Random random, Duration longestRoundTrip) {
        Instant end = clock.instant().plus(over);
        PriorityQueue<Send> open = new PriorityQueue<>(Comparator.comparing(Send::answer));
        List<Instant> arrivals = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            Instant now = clock.instant();
            while (!open.isEmpty() && !open.peek().answer().isAfter(now)) {
                window.answered(open.poll().answer());
            }
            // picked ahead, each send starts when its place opens
            for (Optional<Instant> starts = window.reserve(now, LOOKAHEAD); starts.isPresent();
                 starts = window.reserve(now, LOOKAHEAD)) {
                long roundTrip = 1 + random.nextInt((int) longestRoundTrip.toMillis());
                Instant arrival = starts.get().plusMillis(random.nextInt((int) roundTrip + 1));
                open.add(new Send(arrival, starts.get().plusMillis(roundTrip)));
                arrivals.add(arrival);
            }
            Instant next = window.nextRoomAt(now).minus(LOOKAHEAD);
            if (!open.isEmpty() && open.peek().answer().isBefore(next)) {
                next = open.peek().answer();
            }
            clock.set(next.isAfter(now) ? next : now.plusMillis(1));
        }
        return arrivals.stream().filter(arrival -> arrival.isBefore(end)).toList();
    }
}
