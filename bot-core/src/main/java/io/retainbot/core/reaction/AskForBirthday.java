package io.retainbot.core.reaction;

import io.retainbot.core.chat.DueEvent;
import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.event.DomainEvent;
import io.retainbot.core.event.RecordedEvent;
import io.retainbot.core.port.DueEvents;
import io.retainbot.core.port.StoreSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A customer who agreed to greetings but whose birthday the file lacks is asked for it in chat, once:
 * {@code delay} after they agreed (not in the same breath), as a bot-initiated conversation under the
 * id {@code birthday-ask:customer-<id>}. Consent that comes with a CSV import, perhaps given long ago,
 * counts from the import. A customer asked before, whose birthday is known, or who has no chat the bot
 * can reach is not; nor is one whose consent a staff member recorded in the console: the customer told a person,
 * who can ask for the birthday then, and the bot does not open a dialogue the customer did not start.
 */
public final class AskForBirthday implements Reaction {
    public static final String NAME = "ask_for_birthday";
    public static final String KIND = "birthday_ask";

    private final DueEvents timetable;
    private final Duration delay;

    public AskForBirthday(DueEvents timetable, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the birthday question's delay must not be negative");
        }
        this.timetable = timetable;
        this.delay = delay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reactsTo(DomainEvent event) {
        return event instanceof ConsentGiven given && !given.recordedByStaff();
    }

    @Override
    public void react(StoreSession session, RecordedEvent recorded, Instant now, Reactions reactions) {
        ConsentGiven given = (ConsentGiven) recorded.event();
        Optional<Customer> customer = session.customers().find(given.customerId());
        if (customer.isEmpty() || customer.get().profile().birthday() != null
                || session.customers().birthdayAsked(given.customerId())
                || session.customers().identities(given.customerId()).stream().noneMatch(ChannelIdentity::reachable)) {
            return;
        }
        Instant agreed = given.occurredAt().isAfter(now) ? given.occurredAt() : now;
        timetable.schedule(new DueEvent(KIND.replace('_', '-') + ":customer-" + given.customerId(), KIND,
                given.customerId(), agreed.plus(delay), Map.of()));
    }
}
