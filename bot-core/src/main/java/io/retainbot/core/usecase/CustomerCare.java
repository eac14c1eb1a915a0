package io.retainbot.core.usecase;

import io.retainbot.core.customer.ConsentGiven;
import io.retainbot.core.customer.ConsentWithdrawn;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.customer.CustomersMerged;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.usecase.CareInputs.OptOutCustomer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Staff operations on a customer's file: opt-out, consent as the customer gave it to staff, merging two files. */
public final class CustomerCare {
    /** An opt-out is put down to the broadcast the customer got within this time before it, as in chat. */
    private static final Duration OPT_OUT_ATTRIBUTION = Duration.ofDays(7);

    private final Transactor transactor;
    private final Reactions reactions;
    private final Clock clock;
    private final Runnable afterCommit;

    public CustomerCare(Transactor transactor, Reactions reactions, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * Ends greetings and offers for the customer (who asked staff to, say on the phone); a customer who had
     * consented counts as an opt-out in the outreach report, as one who sent /stop does. False when there is
     * no such customer.
     */
    public boolean optOut(OptOutCustomer input) {
        boolean done = transactor.inTransaction(session -> {
            Optional<Customer> customer = session.customers().find(input.customerId());
            if (customer.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            String source = input.actor().staff().map(id -> "staff " + id).orElse("api");
            if (customer.get().consent().granted()) {
                session.optOuts().record(input.customerId(), source, OPT_OUT_ATTRIBUTION, now);
            }
            session.customers().recordConsent(input.customerId(), false, source, now);
            reactions.record(session, new ConsentWithdrawn(input.customerId(), source, now), now);
            return true;
        });
        if (done) {
            afterCommit.run();
        }
        return done;
    }

    /**
     * Records the customer's answer to "may we send you greetings and offers?" as they gave it to staff
     * ({@code source}: "console by Joon Lee"); a customer who had consented and now declines counts as an
     * opt-out, as with {@link #optOut}. Consent recorded so starts no dialogue of the bot's (no birthday question:
     * the staff member can ask and note it). False when there is no such customer.
     */
    public boolean recordConsent(long customerId, boolean granted, String source) {
        if (source == null || source.isBlank() || source.strip().length() > 200) {
            throw new IllegalArgumentException("source: say where the customer answered, in at most 200 characters");
        }
        boolean done = transactor.inTransaction(session -> {
            Optional<Customer> customer = session.customers().find(customerId);
            if (customer.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            if (!granted && customer.get().consent().granted()) {
                session.optOuts().record(customerId, source.strip(), OPT_OUT_ATTRIBUTION, now);
            }
            session.customers().recordConsent(customerId, granted, source.strip(), now);
            reactions.record(session, granted ? new ConsentGiven(customerId, source.strip(), now, true)
                    : new ConsentWithdrawn(customerId, source.strip(), now), now);
            return true;
        });
        if (done) {
            afterCommit.run();
        }
        return done;
    }

    /**
     * Makes two files of one person one: {@code absorbedId}'s chats, tags, complaints, conversations and history
     * move to {@code survivorId}, facts the survivor lacks are taken over, and {@code absorbedId} is removed.
     * Empty when either customer does not exist.
     *
     * @throws IllegalArgumentException when both are the same customer
     */
    public Optional<Customer> merge(long survivorId, long absorbedId, Actor actor) {
        if (survivorId == absorbedId) {
            throw new IllegalArgumentException("a customer cannot be merged into themselves");
        }
        Optional<Customer> merged = transactor.inTransaction(session -> {
            if (session.customers().find(survivorId).isEmpty() || session.customers().find(absorbedId).isEmpty()) {
                return Optional.<Customer>empty();
            }
            Instant now = clock.instant();
            Customer survivor = session.customers().merge(survivorId, absorbedId, now);
            reactions.record(session, new CustomersMerged(survivorId, absorbedId, actor.staffId(), now), now);
            return Optional.of(survivor);
        });
        merged.ifPresent(done -> afterCommit.run());
        return merged;
    }
}
