package io.retainbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.InboundEvent;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.chat.Sender;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The time zone a chat names for its customer (the web chat sends the browser's with every message) goes on a
 * customer file that has none, also for customers created before the chat sent it, and the message that brings it
 * is answered in it; never over one set before, nor over one staff cleared.
 */
class ZoneHintIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    private final AtomicInteger events = new AtomicInteger();
    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    @Test
    void aCustomerCreatedWithoutATimeZoneGetsTheOneTheirBrowserSendsLater() {
        say("w-visitor-1", "hello from a page that sent no zone", "");
        assertThat(zoneOf("w-visitor-1")).isNull();

        say("w-visitor-1", "hello again", "Asia/Manila");

        assertThat(zoneOf("w-visitor-1")).isEqualTo(MANILA);
    }

    @Test
    void aTimeZoneOnFileIsNeverReplacedAndTheBusinesssOwnIsNotWrittenDown() {
        say("w-visitor-2", "hello", "Asia/Manila");
        say("w-visitor-2", "now travelling", "Europe/Berlin");
        say("w-visitor-3", "hello", "");
        long visitor3 = customerId("w-visitor-3");
        say("w-visitor-3", "from Seoul", "Asia/Seoul");
        assertThat(zoneOf("w-visitor-3")).as("the business's own zone: the customer follows the business file")
                .isNull();
        engine.transactor().runInTransaction(session -> session.customers().update(visitor3,
                session.customers().find(visitor3).orElseThrow().profile().toBuilder().zone(MANILA).build(),
                engine.clock().instant()));
        say("w-visitor-3", "from Berlin", "Europe/Berlin");

        assertThat(zoneOf("w-visitor-2")).as("the first zone named stays").isEqualTo(MANILA);
        assertThat(zoneOf("w-visitor-3")).as("staff set Manila; the browser's Berlin does not replace it")
                .isEqualTo(MANILA);
    }

    @Test
    void answersTheMessageThatBringsAZoneAlreadyInThatZone() {
        ChatTranscript chat = engine.readyChat("4401", "Mina");
        String ref = engine.fileComplaint(chat, "4401", "delivery", "The box was soaked when it arrived.");

        engine.engine().accept(new InboundEvent.CommandReceived(EngineFixture.channel("4401"),
                new Sender("4401", "Mina", "en", "Asia/Manila"), "zone-" + events.incrementAndGet(),
                engine.clock().instant(), "status", "", ""));

        // promised by tomorrow 16:00 in Seoul: 15:00 in Manila, the zone named
        chat.deliverPending().botSaysContaining(ref, "tomorrow 15:00 (");
    }

    @Test
    void aZoneStaffClearedStaysClearedWhateverTheBrowserSendsUntilStaffSetOne() {
        say("w-visitor-5", "hello", "Asia/Manila");
        long visitor = customerId("w-visitor-5");
        staffSetZone(visitor, null);

        say("w-visitor-5", "still here", "Asia/Manila");
        ZoneId afterClearing = zoneOf("w-visitor-5");
        staffSetZone(visitor, ZoneId.of("Europe/Berlin"));
        say("w-visitor-5", "and again", "Asia/Manila");

        assertThat(afterClearing).as("cleared by staff: the customer follows the business's zone").isNull();
        assertThat(zoneOf("w-visitor-5")).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    private void staffSetZone(long customerId, ZoneId zone) {
        engine.transactor().runInTransaction(session -> session.customers().update(customerId,
                session.customers().find(customerId).orElseThrow().profile().toBuilder().zone(zone).build(),
                engine.clock().instant()));
    }

    private void say(String visitor, String text, String zone) {
        engine.engine().accept(new InboundEvent.TextReceived(new ChannelRef(Platform.WEB, visitor),
                new Sender(visitor, "", "en", zone), "zone-" + events.incrementAndGet(), engine.clock().instant(),
                text, ""));
    }

    private long customerId(String visitor) {
        return engine.transactor().inTransaction(session -> session.customers().findByIdentity(Platform.WEB, visitor)
                .orElseThrow().id());
    }

    private ZoneId zoneOf(String visitor) {
        return engine.transactor().inTransaction(session -> session.customers().findByIdentity(Platform.WEB, visitor)
                .orElseThrow().profile().zone());
    }
}
