package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.outbox.SendSlot;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A platform's budget shared by the instances of one bot: its places in the database. */
class SendSlotsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(8);
    private final Transactor transactor = db.database().transactor();

    @BeforeEach
    void empty() {
        db.truncateAll();
    }

    @Test
    void placesAreSharedAndEachIsFreeASecondAfterItsAnswer() {
        List<SendSlot> mine = take("a", 3, NOW);
        assertThat(mine).hasSize(2).allSatisfy(slot -> assertThat(slot.opensAt()).isEqualTo(NOW));
        assertThat(take("b", 2, NOW)).as("a budget of two, both taken").isEmpty();

        transactor.runInTransaction(session -> session.outbox().releaseSlots("a",
                List.of(mine.get(0).freeFrom(NOW.plusMillis(1_050)))));

        assertThat(take("b", 2, NOW.plusMillis(900))).as("not yet, nor within the 100 ms looked ahead").isEmpty();
        assertThat(take("b", 2, NOW.plusMillis(960))).extracting(SendSlot::opensAt)
                .containsExactly(NOW.plusMillis(1_050));
    }

    @Test
    void aDeadInstancesPlacesAreFreeASecondAfterItsLeaseEnded() {
        assertThat(take("dies", 2, NOW)).hasSize(2);

        assertThat(take("survives", 2, NOW.plus(LEASE))).isEmpty();
        List<SendSlot> takenOver = take("survives", 2, NOW.plus(LEASE).plusSeconds(1));

        assertThat(takenOver).hasSize(2).allSatisfy(slot ->
                assertThat(slot.opensAt()).isEqualTo(NOW.plus(LEASE).plusSeconds(1)));
        transactor.runInTransaction(session -> session.outbox().releaseSlots("dies", takenOver));
        assertThat(db.count("select count(*) from send_slot where held_by = 'survives'"))
                .as("a late answer of the dead instance gives nothing back").isEqualTo(2);
    }

    @Test
    void aWaitThePlatformAnnouncedHoldsEveryPlaceOfEveryInstanceUntilItEnds() {
        List<SendSlot> inFlight = take("a", 1, NOW);
        Instant waitEnds = NOW.plusSeconds(5);
        transactor.runInTransaction(session -> session.outbox().holdSlots(Platform.TELEGRAM, waitEnds));
        transactor.runInTransaction(session -> session.outbox().releaseSlots("a",
                List.of(inFlight.get(0).freeFrom(NOW.plusSeconds(1)))));

        assertThat(take("b", 2, NOW.plusSeconds(4))).isEmpty();
        assertThat(take("b", 2, waitEnds)).hasSize(2).allSatisfy(slot ->
                assertThat(slot.opensAt()).isEqualTo(waitEnds));
    }

    @Test
    void renewedPlacesStayTaken() {
        List<SendSlot> mine = take("a", 2, NOW);
        transactor.runInTransaction(session -> session.outbox().renewSlots("a", mine, NOW.plusSeconds(6).plus(LEASE)));

        assertThat(take("b", 1, NOW.plus(LEASE).plusSeconds(1))).isEmpty();
    }

    private List<SendSlot> take(String instance, int wanted, Instant now) {
        return transactor.inTransaction(session -> session.outbox().takeSlots(Platform.TELEGRAM, 2, wanted, instance,
                now, now.plusMillis(100), now.plus(LEASE)));
    }
}
